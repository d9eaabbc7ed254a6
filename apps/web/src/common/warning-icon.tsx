/** A small warning triangle; decorative, so the words beside it carry the meaning. */
export function WarningIcon() {
  return (
    <svg className="flag__icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path d="M10 2.5 1.8 17h16.4L10 2.5Z" fill="currentColor" />
      <path d="M10 8v4.2M10 14.6v.1" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
    </svg>
  );
}
