// A small closed-loop load generator for the bench: `concurrency` workers
// each request `url` again as soon as the last answer arrived, for
// `durationMs`, over kept-alive connections (Node's fetch). Prints nothing;
// returns requests per second and latency percentiles.

export type TLoadResult = { requests: number; errors: number; rps: number; p50: number; p95: number };

export async function measureLoad(
  url: string,
  options: { headers?: Record<string, string>; concurrency: number; durationMs: number; warmupMs?: number },
): Promise<TLoadResult> {
  const run = async (durationMs: number, record: boolean) => {
    const latencies: number[] = [];
    let errors = 0;
    const endAt = performance.now() + durationMs;
    const worker = async () => {
      while (performance.now() < endAt) {
        const startedAt = performance.now();
        try {
          const response = await fetch(url, { headers: options.headers, redirect: "manual" });
          await response.arrayBuffer();
          if (response.status !== 200) errors += 1;
        } catch {
          errors += 1;
        }
        if (record) latencies.push(performance.now() - startedAt);
      }
    };
    const startedAt = performance.now();
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    return { latencies, errors, seconds: (performance.now() - startedAt) / 1000 };
  };
  if (options.warmupMs) await run(options.warmupMs, false);
  const { latencies, errors, seconds } = await run(options.durationMs, true);
  latencies.sort((a, b) => a - b);
  const at = (share: number) => latencies[Math.min(latencies.length - 1, Math.floor(share * latencies.length))] ?? Number.NaN;
  return { requests: latencies.length, errors, rps: latencies.length / seconds, p50: at(0.5), p95: at(0.95) };
}
