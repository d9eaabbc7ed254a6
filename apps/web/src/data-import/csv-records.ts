import Papa from 'papaparse';

/** One CSV record and the line it starts on in the file (the header is line 1). */
export interface CsvRecord {
  line: number;
  cells: string[];
  /** What the CSV parser found malformed in this record, e.g. an unterminated quote. */
  problem?: string;
}

export interface CsvChunk {
  records: CsvRecord[];
  bytesRead: number;
  totalBytes: number;
}

/**
 * How much of the file is read at a time: about 2,000 rows, checked in well under 100 ms, so
 * progress moves smoothly and the page stays responsive on the main thread.
 */
export const CHUNK_BYTES = 256 * 1024;

/** A quoted value longer than this is almost surely a missing closing quote swallowing the file. */
const MAX_PENDING_CHARS = 16 * 1024 * 1024;

function countOf(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) n += 1;
  return n;
}

/**
 * Streams a CSV file's records, chunk by chunk, so a 100 MB export never sits in memory whole.
 * Papa's own file streamer decodes each byte slice on its own and garbles a UTF-8 character cut
 * by a slice boundary; here one streaming TextDecoder carries it over, and Papa's parser is fed
 * the decoded text. Records keep their physical line number, quoted line breaks included, so
 * a reported line is the one a text editor shows.
 */
export async function* readCsvRecords(file: Blob, signal?: AbortSignal, chunkBytes = CHUNK_BYTES): AsyncGenerator<CsvChunk> {
  const decoder = new TextDecoder('utf-8');
  let parser: Papa.Parser | null = null;
  let linebreak = '\n';
  let aggregate = '';
  let baseIndex = 0;
  let rowStart = 0;
  let line = 1;
  let records: CsvRecord[] = [];

  // Papa's raw Parser hands each step its row wrapped in an array, unlike Papa.parse's steps.
  const onRow = (result: { data: string[][]; errors: { message: string }[]; meta: { cursor: number } }) => {
    const end = result.meta.cursor - baseIndex;
    const startLine = line;
    line += countOf(aggregate.slice(rowStart, end), linebreak);
    rowStart = end;
    const cells = result.data[0] ?? [];
    // A blank line (often the file's last) is no record at all.
    if (cells.length === 1 && cells[0]?.trim() === '') return;
    const problem = result.errors[0]?.message;
    records.push(problem ? { line: startLine, cells, problem } : { line: startLine, cells });
  };

  for (let start = 0; start < file.size; start += chunkBytes) {
    signal?.throwIfAborted();
    const last = start + chunkBytes >= file.size;
    const bytes = await file.slice(start, start + chunkBytes).arrayBuffer();
    aggregate += decoder.decode(bytes, { stream: !last });
    if (!parser) {
      // Delimiter and line endings are guessed once, as Papa.parse would, but only when the
      // text holds a whole line: a guess from half a header would miss a "\r\n".
      if (!last && !aggregate.includes('\n') && aggregate.length < 64 * 1024) continue;
      const guess = Papa.parse<string[]>(aggregate.slice(0, 64 * 1024), { preview: 20 }).meta;
      linebreak = guess.linebreak || '\n';
      parser = new Papa.Parser({
        delimiter: guess.delimiter || ',',
        newline: linebreak as '\n',
        step: onRow,
      });
    }
    const result = parser.parse(aggregate, baseIndex, !last) as Papa.ParseResult<string[]>;
    // Keep only the unfinished last record for the next slice.
    aggregate = aggregate.slice(result.meta.cursor - baseIndex);
    baseIndex = result.meta.cursor;
    rowStart = 0;
    if (aggregate.length > MAX_PENDING_CHARS) {
      throw new Error(`Line ${line} starts a value that runs on for more than 16 MB: is a closing quote missing?`);
    }
    yield { records, bytesRead: Math.min(start + chunkBytes, file.size), totalBytes: file.size };
    records = [];
  }
}

/** The header and the first `rows` records, reading no further than needed. */
export async function readCsvHead(file: Blob, rows: number): Promise<{ header: string[]; records: CsvRecord[] }> {
  let header: string[] | null = null;
  const records: CsvRecord[] = [];
  for await (const chunk of readCsvRecords(file)) {
    for (const record of chunk.records) {
      if (!header) header = record.cells.map((c) => c.trim());
      else if (records.length < rows) records.push(record);
    }
    if (header && records.length >= rows) break;
  }
  return { header: header ?? [], records };
}
