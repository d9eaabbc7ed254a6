import { describe, expect, it } from 'vitest';
import { readCsvHead, readCsvRecords, type CsvRecord } from './csv-records.ts';

async function all(blob: Blob, chunkBytes: number): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const chunk of readCsvRecords(blob, undefined, chunkBytes)) out.push(...chunk.records);
  return out;
}

describe('readCsvRecords', () => {
  it('keeps a multi-byte character whole when a slice boundary cuts through it', async () => {
    const text = 'id,verbatim\n1,Très bien — merci\n2,日本語のコメント\n';
    for (const chunkBytes of [1, 2, 3, 5, 7, 64]) {
      const records = await all(new Blob([text]), chunkBytes);
      expect(records.map((r) => r.cells)).toEqual([
        ['id', 'verbatim'],
        ['1', 'Très bien — merci'],
        ['2', '日本語のコメント'],
      ]);
    }
  });

  it('numbers records by the line they start on, counting line breaks inside quotes, skipping blank lines', async () => {
    const text = 'id,verbatim\r\n1,"two\r\nlines"\r\n\r\n2,plain\r\n';
    const records = await all(new Blob([text]), 4);
    expect(records.map((r) => [r.line, r.cells])).toEqual([
      [1, ['id', 'verbatim']],
      [2, ['1', 'two\r\nlines']],
      [5, ['2', 'plain']],
    ]);
  });

  it('strips a byte-order mark and detects semicolons', async () => {
    const records = await all(new Blob(['\uFEFFid;score\n1;9']), 1024);
    expect(records.map((r) => r.cells)).toEqual([
      ['id', 'score'],
      ['1', '9'],
    ]);
  });

  it('reports progress in bytes and stops when asked to', async () => {
    const blob = new Blob(['id\n' + '1\n'.repeat(100)]);
    const progress: number[] = [];
    for await (const chunk of readCsvRecords(blob, undefined, 50)) progress.push(chunk.bytesRead);
    expect(progress.at(-1)).toBe(blob.size);
    const controller = new AbortController();
    controller.abort();
    await expect(readCsvRecords(blob, controller.signal).next()).rejects.toThrow();
  });
});

describe('readCsvHead', () => {
  it('reads the header and the first rows only', async () => {
    const head = await readCsvHead(new Blob([' id , score\n1,9\n2,8\n3,7\n']), 2);
    expect(head.header).toEqual(['id', 'score']);
    expect(head.records.map((r) => r.line)).toEqual([2, 3]);
  });
});
