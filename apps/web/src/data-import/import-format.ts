import { formatCount } from '../common/locale-format.ts';

const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** "812 bytes", "48.2 KB", "96.4 MB": file sizes as people read them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatCount(bytes)} bytes`;
  if (bytes < 1024 * 1024) return `${oneDecimal.format(bytes / 1024)} KB`;
  return `${oneDecimal.format(bytes / (1024 * 1024))} MB`;
}

/** "0.8 s", "1 min 12 s". */
export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${oneDecimal.format(seconds)} s`;
  return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

/** How far through the file a run is, as a whole percentage that reaches 100 only at the end. */
export function percentRead(bytesRead: number, totalBytes: number): number {
  if (totalBytes === 0) return 100;
  return Math.min(100, Math.floor((bytesRead / totalBytes) * 100));
}
