/** A step of 1, 2, 2.5 or 5 times a power of ten: axis ticks people can read at a glance. */
function niceStep(raw: number): number {
  if (!(raw > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/** Round ticks covering [low, high] in about `count` steps, first and last outside the data. */
export function niceTicks(low: number, high: number, count = 4): number[] {
  const flat = high - low <= 0;
  const step = niceStep((flat ? Math.abs(high) / 5 || 1 : high - low) / count);
  // A single value still gets an axis around it.
  const first = Math.floor(low / step) * step - (flat ? step : 0);
  const last = Math.ceil(high / step) * step + (flat ? step : 0);
  const ticks: number[] = [];
  // Rounded to the step's precision, so 0.1 + 0.2 does not show as 0.30000000000000004.
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  for (let t = first; t <= last + step / 2; t += step) ticks.push(Number(t.toFixed(digits)));
  return ticks;
}
