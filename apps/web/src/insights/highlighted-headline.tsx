import { headlineParts } from './headline-parts.ts';

/** A search headline with its matching words in <mark>, which screen readers and high-contrast modes keep. */
export function HighlightedHeadline({ headline }: { headline: string }) {
  return (
    <>{headlineParts(headline).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}</>
  );
}
