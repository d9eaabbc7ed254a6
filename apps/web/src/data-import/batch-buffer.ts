/** A batch ready to send, with each row's CSV line so the server's issues can be traced back. */
export interface Batch<T> {
  rows: T[];
  lines: number[];
}

/** The API takes 5,000 rows and 2 MiB per call; smaller batches keep progress smooth and a refusal cheap. */
export const BATCH_MAX_ROWS = 1_000;
export const BATCH_MAX_BYTES = 1_500_000;

const encoder = new TextEncoder();

/**
 * Gathers rows into batches that stay under a row count and a JSON size, measured in UTF-8
 * bytes as they travel (a verbatim in Japanese weighs three times its length).
 */
export class BatchBuffer<T> {
  private rows: T[] = [];
  private lines: number[] = [];
  private bytes = 0;

  constructor(
    private readonly maxRows = BATCH_MAX_ROWS,
    private readonly maxBytes = BATCH_MAX_BYTES,
  ) {}

  /** Adds a row; returns the batch it closed when the row would not fit, to be sent first. */
  add(row: T, line: number): Batch<T> | null {
    // +1 for the comma between rows in the JSON array.
    const size = encoder.encode(JSON.stringify(row)).length + 1;
    const full = this.rows.length > 0 && (this.rows.length >= this.maxRows || this.bytes + size > this.maxBytes);
    const closed = full ? this.flush() : null;
    this.rows.push(row);
    this.lines.push(line);
    this.bytes += size;
    return closed;
  }

  /** Whatever is gathered, as a last batch, or null when nothing is. */
  flush(): Batch<T> | null {
    if (this.rows.length === 0) return null;
    const batch = { rows: this.rows, lines: this.lines };
    this.rows = [];
    this.lines = [];
    this.bytes = 0;
    return batch;
  }
}
