/**
 * How long each phase of a long operation (reading a bloc, writing an import) took, as a User Timing
 * measure named "blocdesk:<phase>": DevTools' Performance panel shows them and
 * bench/app-handover.bench.ts prints them. Only the latest measure of a name is kept.
 */
export async function phase<T>(name: string, work: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    const label = `blocdesk:${name}`;
    try {
      performance.clearMeasures(label);
      performance.measure(label, { start, end: performance.now() });
    } catch {
      /* no User Timing here: the measure is only informative */
    }
  }
}
