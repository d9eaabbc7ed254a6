import { useEffect, useState } from 'react';
import { readCsvHead, type CsvRecord } from './csv-records.ts';

/** Rows shown in the preview, and read before anything else. */
export const PREVIEW_ROWS = 10;

export type CsvHead =
  | { status: 'none' }
  | { status: 'reading' }
  | { status: 'read'; header: string[]; records: CsvRecord[] }
  | { status: 'failed'; message: string };

/** The chosen file's header and first rows: all the mapping and the preview need, read once per file. */
export function useCsvHead(file: File | null): CsvHead {
  // Each result remembers its file, so a newer choice never shows an older file's header.
  const [read, setRead] = useState<{ file: File; head: CsvHead } | null>(null);
  useEffect(() => {
    if (!file) return;
    let current = true;
    const settle = (head: CsvHead) => current && setRead({ file, head });
    readCsvHead(file, PREVIEW_ROWS).then(
      ({ header, records }) =>
        settle(
          header.every((h) => h === '')
            ? { status: 'failed', message: `${file.name} is empty: it has no header line.` }
            : { status: 'read', header, records },
        ),
      (error: unknown) =>
        settle({ status: 'failed', message: `${file.name} could not be read: ${error instanceof Error ? error.message : String(error)}` }),
    );
    return () => {
      current = false;
    };
  }, [file]);
  if (!file) return { status: 'none' };
  return read?.file === file ? read.head : { status: 'reading' };
}
