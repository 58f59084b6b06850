// Starting the app's processes for specs and the bench: the app's server
// (scripts/serve.ts) on the production build (its own port), kept as lines of output so a caller can
// read the JSON log lines (server/log.ts) it wrote.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { SERVE_ARGS } from "./process";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export type TProcess = {
  child: ChildProcess;
  /** Every line it wrote to stdout and stderr so far. */
  lines: () => string[];
  /** Its JSON log lines (server/log.ts) so far. */
  logs: () => Record<string, unknown>[];
  /** Sends `signal` (SIGTERM by default) and waits for the exit; returns its exit code. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
  exited: Promise<number | null>;
};

export function track(child: ChildProcess, label: string): TProcess {
  const lines: string[] = [];
  let partial = "";
  const take = (chunk: Buffer) => {
    const text = partial + chunk.toString();
    const parts = text.split("\n");
    partial = parts.pop() ?? "";
    lines.push(...parts);
    if (process.env.DEPLOYMENT_VERBOSE) for (const line of parts) console.log(`[${label}] ${line}`);
  };
  child.stdout?.on("data", take);
  child.stderr?.on("data", take);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    lines: () => [...lines, ...(partial ? [partial] : [])],
    logs: () =>
      lines.flatMap((line) => {
        if (!line.startsWith("{")) return [];
        try {
          return [JSON.parse(line) as Record<string, unknown>];
        } catch {
          return [];
        }
      }),
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
    exited,
  };
}

export type TInstance = TProcess & { url: string; port: number };

/** The app's server (scripts/serve.ts, as `npm start` runs it) on a free port with `env` on top of this process's; resolves once /api/health/ready answers. */
export async function startNextInstance(env: Record<string, string>, label: string): Promise<TInstance> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...SERVE_ARGS, "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, NEXTAUTH_URL: url, PORT: String(port), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const instance = { ...track(child, label), url, port };
  await waitUntil(async () => (await fetch(`${url}/api/health/ready`).catch(() => null))?.status === 200, 60_000, () =>
    `${label} did not become ready:\n${instance.lines().join("\n")}`,
  );
  return instance;
}

export async function waitUntil(check: () => Promise<boolean> | boolean, timeoutMs: number, describe: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(describe());
}

