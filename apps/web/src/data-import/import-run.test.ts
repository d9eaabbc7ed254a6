import { describe, expect, it } from 'vitest';
import { proposeMapping } from './column-mapping.ts';
import { checkFile, importFile, ImportRefused, type SendBatch } from './import-run.ts';
import { indexJourneys } from './journey-index.ts';
import type { ImportPlan } from './row-builder.ts';

const HEADER = ['response_id', 'submitted_at', 'nps_score'];
const PLAN: ImportPlan = {
  kind: 'survey',
  source: 'test',
  header: HEADER,
  mapping: proposeMapping('survey', HEADER),
  journeys: indexJourneys([]),
};

function csv(rows: number, bad: Record<number, string> = {}): Blob {
  const lines = Array.from({ length: rows }, (_, i) => bad[i + 2] ?? `r-${i},2026-03-${String((i % 28) + 1).padStart(2, '0')},${i % 11}`);
  return new Blob([`${HEADER.join(',')}\n${lines.join('\n')}\n`]);
}

describe('checkFile', () => {
  it('reports each bad line by its line number', async () => {
    const report = await checkFile(csv(50, { 7: 'r-x,2026-03-01,12', 40: 'r-y,yesterday,5' }), PLAN, () => {});
    expect(report.rows).toBe(50);
    expect(report.badLines).toBe(2);
    expect(report.listed.map((i) => [i.line, i.field])).toEqual([
      [7, 'score'],
      [40, 'occurredAt'],
    ]);
  });
});

describe('importFile', () => {
  it('sends batches of at most 1,000 rows in order and totals the results', async () => {
    const sizes: number[] = [];
    const send: SendBatch = async (rows) => {
      sizes.push(rows.length);
      return { received: rows.length, inserted: rows.length - 1, duplicates: 1 };
    };
    let last = 0;
    const result = await importFile(csv(2_500), PLAN, send, (p) => (last = p.rowsSent));
    expect(sizes).toEqual([1_000, 1_000, 500]);
    expect(result).toMatchObject({ rowsRead: 2_500, rowsSent: 2_500, stored: 2_497, duplicates: 3 });
    expect(result.bytesRead).toBe(result.totalBytes);
    expect(last).toBe(2_500);
  });

  it('traces a refused batch’s issues to CSV lines', async () => {
    let calls = 0;
    const send: SendBatch = async (rows) => {
      calls += 1;
      if (calls === 2)
        throw Object.assign(new Error('1 rows refer to unknown journeys'), {
          data: { issues: [{ path: 'responses.3.journeyId', message: 'is not a journey' }] },
        });
      return { received: rows.length, inserted: rows.length, duplicates: 0 };
    };
    const error = await importFile(csv(1_500), PLAN, send, () => {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRefused);
    // Batch two starts at data row 1,001, which is line 1,002; its fourth row is line 1,005.
    expect((error as ImportRefused).issues).toEqual([{ line: 1_005, field: 'journeyId', message: 'is not a journey' }]);
  });

  it('stops between batches when cancelled, having reported what the sent batches stored', async () => {
    const controller = new AbortController();
    const send: SendBatch = async (rows, signal) => {
      signal?.throwIfAborted();
      controller.abort();
      return { received: rows.length, inserted: rows.length, duplicates: 0 };
    };
    let sent = 0;
    await expect(importFile(csv(3_000), PLAN, send, (p) => (sent = p.rowsSent), controller.signal)).rejects.toThrow();
    expect(sent).toBe(1_000);
  });
});
