/** A run of words the two wordings share, or that only one of them has. */
export interface DiffSegment {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

// Each word with the space after it (and any leading space on its own), so the result reads
// back exactly as either wording, and shared spaces alone never count as common ground.
const TOKEN = /^\s+|\S+\s*/g;

/**
 * A word-level diff of a policy's current wording against a proposed one, by longest common
 * subsequence. Policy statements are a few hundred words at most (ZText caps them at 5,000
 * characters), so the quadratic table stays small; a library would add a dependency for this.
 */
export function diffWording(current: string, proposed: string): DiffSegment[] {
  const a = current.match(TOKEN) ?? [];
  const b = proposed.match(TOKEN) ?? [];
  const width = b.length + 1;
  // lcs[i * width + j]: the longest common run of a[i..] and b[j..].
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[i] === b[j] ? (lcs[(i + 1) * width + j + 1] ?? 0) + 1 : Math.max(lcs[(i + 1) * width + j] ?? 0, lcs[i * width + j + 1] ?? 0);
    }
  }

  const segments: DiffSegment[] = [];
  const push = (kind: DiffSegment['kind'], text: string) => {
    const last = segments.at(-1);
    if (last?.kind === kind) last.text += text;
    else segments.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push('same', a[i++] ?? '');
      j++;
    } else if ((lcs[(i + 1) * width + j] ?? 0) >= (lcs[i * width + j + 1] ?? 0)) {
      push('removed', a[i++] ?? '');
    } else {
      push('added', b[j++] ?? '');
    }
  }
  while (i < a.length) push('removed', a[i++] ?? '');
  while (j < b.length) push('added', b[j++] ?? '');
  return joinChangedRuns(segments);
}

/** Reads better: each run of changes shows everything taken out, then everything put in. */
function joinChangedRuns(segments: readonly DiffSegment[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed) out.push({ kind: 'removed', text: removed });
    if (added) out.push({ kind: 'added', text: added });
    removed = '';
    added = '';
  };
  for (const s of segments) {
    if (s.kind === 'same') {
      flush();
      out.push({ ...s });
    } else if (s.kind === 'removed') removed += s.text;
    else added += s.text;
  }
  flush();
  return out;
}

/** Whether the proposal changes the wording at all. */
export function changesWording(segments: readonly DiffSegment[]): boolean {
  return segments.some((s) => s.kind !== 'same' && s.text.trim() !== '');
}
