import { describe, expect, it } from 'vitest';
import { emptyReport, LISTED_LINES, recordLine, serverIssueLines } from './line-report.ts';

describe('recordLine', () => {
  it('counts every bad line and field but lists only the first lines', () => {
    const report = emptyReport();
    recordLine(report, 2, []);
    for (let line = 3; line < 3 + LISTED_LINES + 50; line += 1) {
      recordLine(report, line, [
        { field: 'score', message: 'is not a whole number' },
        { field: 'attributes.region', message: 'is longer than 500 characters' },
      ]);
    }
    expect(report.badLines).toBe(LISTED_LINES + 50);
    expect(report.byField).toEqual({ score: LISTED_LINES + 50, attributes: LISTED_LINES + 50 });
    expect(new Set(report.listed.map((i) => i.line)).size).toBe(LISTED_LINES);
    expect(report.listed[0]).toEqual({ line: 3, field: 'score', message: 'is not a whole number' });
  });
});

describe('serverIssueLines', () => {
  it('traces a row index in the batch to its CSV line', () => {
    const lines = [1002, 1003, 1007];
    expect(
      serverIssueLines(
        [
          { path: 'responses.2.journeyId', message: 'is not a journey of this organisation' },
          { path: 'events.0', message: 'is invalid' },
          { path: '(input)', message: 'send at most 5000 responses per call' },
        ],
        lines,
      ),
    ).toEqual([
      { line: 1007, field: 'journeyId', message: 'is not a journey of this organisation' },
      { line: 1002, field: 'row', message: 'is invalid' },
      { line: null, field: 'row', message: 'send at most 5000 responses per call' },
    ]);
  });
});
