import { describe, expect, it } from 'vitest';
import { BatchBuffer, type Batch } from './batch-buffer.ts';

function fill(buffer: BatchBuffer<unknown>, rows: unknown[]): Batch<unknown>[] {
  const batches: Batch<unknown>[] = [];
  rows.forEach((row, i) => {
    const closed = buffer.add(row, i + 2);
    if (closed) batches.push(closed);
  });
  const last = buffer.flush();
  if (last) batches.push(last);
  return batches;
}

describe('BatchBuffer', () => {
  it('closes a batch at the row limit and keeps each row’s line', () => {
    const batches = fill(new BatchBuffer(3, 1_000_000), [1, 2, 3, 4, 5, 6, 7]);
    expect(batches.map((b) => b.rows)).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(batches[1]?.lines).toEqual([5, 6, 7]);
  });

  it('closes a batch before its JSON would pass the byte limit, counting UTF-8 bytes', () => {
    // Each row is {"v":"…"} with 10 three-byte characters: 39 bytes, 40 with its comma.
    const row = { v: '日'.repeat(10) };
    const batches = fill(new BatchBuffer(100, 100), [row, row, row, row, row]);
    expect(batches.map((b) => b.rows.length)).toEqual([2, 2, 1]);
  });

  it('sends a row bigger than the limit on its own rather than never', () => {
    const batches = fill(new BatchBuffer(100, 10), [{ v: 'long enough' }, { v: 'x' }]);
    expect(batches.map((b) => b.rows.length)).toEqual([1, 1]);
  });

  it('has nothing to flush when empty', () => {
    expect(new BatchBuffer().flush()).toBeNull();
  });
});
