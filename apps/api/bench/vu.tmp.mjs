// @ts-check
// Virtual users on a thread of their own, so the server under test keeps its event loop to
// itself: each user loads a page (its rounds of calls, one after another, as the browser makes
// them), pauses, and loads it again until the time is up.
import { parentPort, workerData } from 'node:worker_threads';

/** @type {{ base: string, cookies: string[], rounds: string[], durationMs: number, pauseMs: number }} */
const { base, cookies, rounds, durationMs, pauseMs } = workerData;
const end = performance.now() + durationMs;
/** @type {number[]} */
const pageMs = []; const timeline = []; const start = performance.now();
let errors = 0;
/** @type {string[]} */
const errorSamples = [];

async function user(/** @type {string} */ cookie) {
  while (performance.now() < end) {
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
    if (ok) { pageMs.push(performance.now() - t0); timeline.push([Math.round(t0 - start), Math.round(performance.now() - t0)]); }
    else errors++;
    await new Promise((r) => setTimeout(r, pauseMs));
  }
}

await Promise.all(cookies.map(user));
parentPort?.postMessage({ pageMs, errors, errorSamples, timeline });
