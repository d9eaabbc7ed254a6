/** The Throughline mark: a line carried through a frame. Decorative; the name sits beside it. */
export function BrandMark() {
  return (
    <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="currentColor" />
      <path d="M6 20c6 0 6-8 10-8s4 8 10 8" stroke="var(--brand-mark-line, #fff)" strokeWidth="3" fill="none" strokeLinecap="round" />
    </svg>
  );
}
