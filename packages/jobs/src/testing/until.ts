/** Polls `read` until it gives a value: how a test waits for a job that runs on its own. */
export async function until<T>(read: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting for the job');
    await new Promise((r) => setTimeout(r, 200));
  }
}
