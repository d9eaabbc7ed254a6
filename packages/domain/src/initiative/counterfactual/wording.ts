/** "A", "A and B", "A, B and C". */
export const listed = (labels: readonly string[]) =>
  labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]!}`;

/** A sentence made into a clause: first letter lower-cased, closing full stop dropped. */
export const asClause = (sentence: string) => sentence.charAt(0).toLowerCase() + sentence.slice(1).replace(/\.$/, '');
