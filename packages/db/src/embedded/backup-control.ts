import { randomBytes, timingSafeEqual } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/** Where a running process says how to ask it for a backup: in its lock, readable by its owner only. */
export const controlFile = (dataDir: string) => join(`${dataDir}.lock`, 'control.json');

export interface BackupControl {
  close(): Promise<void>;
}

/**
 * Lets `pnpm db:backup` take a consistent backup of a data dir this process holds: no other
 * process may open it, so the dump is made here, on the database's own thread, and handed
 * over. Listens on loopback on a port of its own, and answers only a caller that shows the
 * secret written into the lock's control.json (mode 0600): whoever can read the data dir's
 * files, which is who could copy them anyway.
 */
export async function startBackupControl(dataDir: string, dump: () => Promise<Blob>): Promise<BackupControl> {
  const secret = randomBytes(32);
  const server = createServer((req, res) => {
    const shown = Buffer.from(/^Bearer ([0-9a-f]{64})$/.exec(req.headers.authorization ?? '')?.[1] ?? '', 'hex');
    if (req.method !== 'POST' || req.url !== '/backup' || shown.length !== secret.length || !timingSafeEqual(shown, secret)) {
      res.writeHead(403).end();
      return;
    }
    dump().then(
      async (blob) => {
        res.writeHead(200, { 'content-type': 'application/gzip', 'content-length': blob.size });
        res.end(Buffer.from(await blob.arrayBuffer()));
      },
      (error: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(error.message),
    );
  });
  await new Promise<void>((resolve, reject) => server.listen(0, '127.0.0.1', resolve).once('error', reject));
  server.unref();
  const { port } = server.address() as AddressInfo;
  writeFileSync(controlFile(dataDir), JSON.stringify({ pid: process.pid, port, secret: secret.toString('hex') }), { mode: 0o600 });
  return { close: () => new Promise((resolve) => server.close(() => resolve())) };
}
