import type { CellIssue } from './row-builder.ts';

export interface LineIssue extends CellIssue {
  /** The CSV line (the header is line 1), or null when the server's issue names no row. */
  line: number | null;
}

/** Lines listed in full; beyond these only the counts grow, so a broken 1M-row file stays cheap. */
export const LISTED_LINES = 200;

/** Every bad line counted, the first ones listed, and how often each field was at fault. */
export interface LineReport {
  badLines: number;
  listed: LineIssue[];
  /** Issues per field key, across every bad line. */
  byField: Record<string, number>;
}

export function emptyReport(): LineReport {
  return { badLines: 0, listed: [], byField: {} };
}

/** Adds one line's issues (a line counts once however many of its fields are wrong). */
export function recordLine(report: LineReport, line: number | null, issues: readonly CellIssue[]): void {
  if (issues.length === 0) return;
  report.badLines += 1;
  for (const issue of issues) {
    const field = issue.field.startsWith('attributes.') ? 'attributes' : issue.field;
    report.byField[field] = (report.byField[field] ?? 0) + 1;
  }
  if (report.badLines <= LISTED_LINES) report.listed.push(...issues.map((i) => ({ ...i, line })));
}

/**
 * The server's issues for a refused batch, traced to CSV lines: `responses.12.score` is the
 * batch's 13th row, whose line the batch kept.
 */
export function serverIssueLines(issues: readonly { path: string; message: string }[], lines: readonly number[]): LineIssue[] {
  return issues.map(({ path, message }) => {
    const m = /^(?:responses|events)\.(\d+)\.?(.*)$/.exec(path);
    if (!m) return { line: null, field: path === '(input)' ? 'row' : path, message };
    return { line: lines[Number(m[1])] ?? null, field: m[2] || 'row', message };
  });
}
