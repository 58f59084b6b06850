// Graceful shutdown of one app instance (`next start`) on SIGTERM or SIGINT.
//
// Next's own handler stops taking connections, waits for the requests in
// flight, then exits. Around it, this module:
// - makes readiness (/api/health/ready) answer 503 at once, so a load
//   balancer sends new work to other instances;
// - closes every live stream with a retry hint (they never end by themselves,
//   and would hold Next's wait forever); browsers reconnect to another
//   instance, or to this one when it is back;
//   with the last stream gone, the live listener's connection closes too;
// - closes the database pool once the last request has finished, just
//   before the process exits.
// The background worker is not in this process (`npm start` and
// `npm run worker` stop it after its current job).
import { closeAllLiveStreams } from "./live/sse";
import { getDb } from "./db/client";
import { getLogger } from "./log";

/** How long closing the pool may hold the exit. */
const POOL_CLOSE_TIMEOUT_MS = 3_000;

const globalForShutdown = globalThis as unknown as { allianceShutdown?: { isShuttingDown: boolean; isInstalled: boolean } };

function state() {
  globalForShutdown.allianceShutdown ??= { isShuttingDown: false, isInstalled: false };
  return globalForShutdown.allianceShutdown;
}

export function isShuttingDown(): boolean {
  return state().isShuttingDown;
}

/** Called once from instrumentation.ts, after Next has installed its own handlers. */
export function installShutdownHandlers(): void {
  if (state().isInstalled) return;
  state().isInstalled = true;
  process.once("SIGTERM", beginShutdown);
  process.once("SIGINT", beginShutdown);
}

function beginShutdown(): void {
  if (state().isShuttingDown) return;
  state().isShuttingDown = true;
  getLogger().info({ component: "shutdown" }, "finishing requests in flight; live streams told to reconnect");
  closeAllLiveStreams();
  // Next exits with process.exit() once its server has closed; that is the
  // moment no request can need the pool any more. (Next offers no hook
  // between the two, so its exit is wrapped here, once, for this purpose.)
  const exit = process.exit.bind(process);
  process.exit = ((code?: number) => {
    let timeout: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<void>((resolve) => {
      timeout = setTimeout(resolve, POOL_CLOSE_TIMEOUT_MS);
    });
    void Promise.race([getDb().$disconnect().then(() => getLogger().info({ component: "shutdown" }, "database pool closed")), deadline])
      .catch(() => undefined)
      .finally(() => {
        clearTimeout(timeout);
        exit(code);
      });
  }) as typeof process.exit;
}
