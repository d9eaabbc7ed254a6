// @ts-check
// Virtual users on a thread of their own, so the server under test keeps its event loop to
// itself: each user loads a page (its rounds of calls, one after another, as the browser makes
// them), pauses, and loads it again until the time is up.
import { parentPort, workerData } from 'node:worker_threads';

/** @type {{ base: string, cookies: string[], rounds: string[], durationMs: number, pauseMs: number }} */
const { base, cookies, rounds, durationMs, pauseMs } = workerData;
const end = performance.now() + durationMs;
/** @type {number[]} */
const pageMs = [];
/** Each person's first page, on a server that has served none of theirs: sessions and answers cold. */
/** @type {number[]} */
const firstPageMs = [];
let errors = 0;
/** @type {string[]} */
const errorSamples = [];

async function user(/** @type {string} */ cookie) {
  for (let page = 0; performance.now() < end; page++) {
    const t0 = performance.now();
    let ok = true;
    for (const path of rounds) {
      try {
        const res = await fetch(base + path, { headers: { cookie, 'accept-encoding': 'gzip, br' } });
        const body = await res.text();
        if (!res.ok) {
          ok = false;
          if (errorSamples.length < 3) errorSamples.push(`${res.status} ${path}: ${body.slice(0, 200)}`);
        }
      } catch (error) {
        ok = false;
        if (errorSamples.length < 3) errorSamples.push(`${path}: ${String(error)}`);
      }
    }
    if (ok) (page === 0 ? firstPageMs : pageMs).push(performance.now() - t0);
    else errors++;
    await new Promise((r) => setTimeout(r, pauseMs));
  }
}

await Promise.all(cookies.map(user));
parentPort?.postMessage({ pageMs, firstPageMs, errors, errorSamples });
