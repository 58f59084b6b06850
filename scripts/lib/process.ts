// Small helpers for the project's scripts: run a command and wait, or start
// one in the background and stop it with its children.
import { spawn, type ChildProcess } from "node:child_process";

export function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on("error", () => resolve(127));
  });
}

export function startInBackground(command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(command, args, { stdio: "inherit", env });
}

/** Settles when `child` has exited (at once if it already has). */
export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

/** Node arguments that run the app's HTTP server (scripts/serve.ts) in this Node, one process, signals straight to it. */
export const SERVE_ARGS = ["--import", "tsx", "scripts/serve.ts"];

export function bin(name: string): string {
  return `node_modules/.bin/${name}`;
}

let isShuttingDown = false;

/** True once a SIGINT/SIGTERM has started the cleanup registered with onShutdown. */
export function shutdownStarted(): boolean {
  return isShuttingDown;
}

/** Runs `cleanup` once on SIGINT/SIGTERM, then exits. */
export function onShutdown(cleanup: () => Promise<void>): void {
  const handler = (code: number) => async () => {
    if (isShuttingDown) return;
    isShuttingDown = true;
    await cleanup().catch((error) => console.error(error));
    process.exit(code);
  };
  process.on("SIGINT", handler(130));
  process.on("SIGTERM", handler(143));
}

/**
 * For a script's first step: a database that can't start ends the script
 * with its one-sentence reason, not a stack trace; anything else is rethrown.
 */
export function exitOnDatabaseStartError(error: unknown): never {
  if (error instanceof Error && error.name === "DatabaseStartError") {
    console.error(`[alliance] ${error.message}`);
    process.exit(1);
  }
  throw error;
}
