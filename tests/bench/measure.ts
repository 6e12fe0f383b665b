/** Runs fn n times and returns the median and 95th percentile in milliseconds. */
export async function timeIt(
  n: number,
  fn: (i: number) => unknown,
): Promise<{ median: number; p95: number; n: number }> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { median: round(at(0.5)), p95: round(at(0.95)), n };
}

const round = (x: number) => Math.round(x * 100) / 100;

export function report(rows: { what: string; median: number; p95: number; n: number }[]): void {
  const lines = rows.map(
    (r) =>
      `${r.what.padEnd(58)} median ${String(r.median).padStart(8)} ms   p95 ${String(r.p95).padStart(8)} ms   (n=${r.n})`,
  );
  process.stdout.write(
    `\nCPB benchmarks (${new Date().toISOString().slice(0, 10)}, ${process.platform}, Node ${process.version})\n${lines.join('\n')}\n\n`,
  );
}
