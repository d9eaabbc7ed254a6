/** A stretch of a search headline, and whether it is one of the words that matched. */
export interface HeadlinePart {
  text: string;
  match: boolean;
}

/**
 * Splits the API's search headline (PostgreSQL's ts_headline, the matching words between « and »)
 * into plain and matching stretches, so the matches can be marked without parsing HTML.
 * An unpaired « is kept as text rather than swallowing the rest of the passage.
 */
export function headlineParts(headline: string): HeadlinePart[] {
  const parts: HeadlinePart[] = [];
  const push = (text: string, match: boolean) => {
    if (!text) return;
    const last = parts.at(-1);
    if (last && last.match === match) last.text += text;
    else parts.push({ text, match });
  };
  let rest = headline;
  while (rest) {
    const open = rest.indexOf('«');
    const close = open < 0 ? -1 : rest.indexOf('»', open + 1);
    if (open < 0 || close < 0) {
      push(rest, false);
      break;
    }
    push(rest.slice(0, open), false);
    push(rest.slice(open + 1, close), true);
    rest = rest.slice(close + 1);
  }
  return parts;
}

/** Whether a headline marks any words at all: one taken from the title alone has none. */
export function hasMatches(headline: string | null): headline is string {
  return headline !== null && headlineParts(headline).some((p) => p.match);
}

/** Text compared without its closing punctuation: ts_headline leaves a final full stop out. */
const unpunctuated = (text: string) => text.trim().replace(/[\s.,;:!?…]+$/u, '');

/**
 * Whether a headline is cut from inside the text, at its start or end, so an ellipsis says
 * so there and only there: a short verbatim shown whole needs none.
 */
export function headlineCuts(body: string, headline: string): { start: boolean; end: boolean } {
  const plain = unpunctuated(
    headlineParts(headline)
      .map((p) => p.text)
      .join(''),
  );
  const whole = unpunctuated(body);
  return { start: !whole.startsWith(plain.slice(0, 24)), end: !whole.endsWith(plain.slice(-24)) };
}
