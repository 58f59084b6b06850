// The pieces of a real deployment, for the deployment specs: databases on a
// real Postgres (the test run's server, or an embedded one this spec can stop
// and start), app instances (`next start` on the production build, each its
// own process and port) and background workers (`npm run worker`'s script),
// all sharing one database, one auth secret and one data key, as instances
// behind a load balancer do.
//
// Every process's output is kept as lines, so a spec can read the JSON log
// lines (server/log.ts) each one wrote.
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { getEnv, setEnvForChildren } from "../../server/env";
import { applyMigrations } from "../../server/db/migrate";
import { dropDatabases, ensureDatabase } from "../../server/db/provision";
import { startEmbeddedPostgres, type TEmbeddedServer } from "../../server/db/embedded";
import { createDb, type TDb } from "../../server/db/client";
import { generateDataKey } from "../../server/crypto/sealed-text";
import { freePort, startNextInstance, track, waitUntil, type TInstance, type TProcess } from "../../scripts/lib/instance";

export { freePort, waitUntil, type TInstance, type TProcess };

export const DEPLOYMENT_DIR = path.resolve(".data/deployment");

/** A Postgres server the spec owns, so it can stop it and start it again (same data, same port). */
export type TOwnPostgres = {
  serverUrl: string;
  stop: () => Promise<void>;
  start: () => Promise<void>;
  /** Everything the server logged so far (with `settings` such as log_statement, every statement). */
  log: () => string;
};

export async function ownPostgres(name: string, settings: Record<string, string> = {}): Promise<TOwnPostgres> {
  const dataDir = path.join(DEPLOYMENT_DIR, `${name}-postgres`);
  rmSync(dataDir, { recursive: true, force: true });
  const port = await freePort();
  const chunks: string[] = [];
  const start = () => startEmbeddedPostgres({ dataDir, port, settings, log: (text) => chunks.push(`${text}\n`) });
  let running: TEmbeddedServer | null = await start();
  const serverUrl = running.serverUrl;
  return {
    serverUrl,
    stop: async () => {
      await running?.stop();
      running = null;
    },
    start: async () => {
      running ??= await start();
    },
    log: () => chunks.join(""),
  };
}

/** The test run's Postgres server (`npm test` sets TEST_DATABASE_SERVER_URL). */
export function sharedServerUrl(): string {
  const env = getEnv();
  const url = env.TEST_DATABASE_SERVER_URL ?? env.TEST_DATABASE_URL;
  if (!url) throw new Error("The deployment specs run from `npm test`, which names the Postgres server (TEST_DATABASE_SERVER_URL).");
  return url;
}

export type TCluster = {
  databaseUrl: string;
  db: TDb;
  /** The variables every instance and worker of this deployment shares. */
  env: Record<string, string>;
  outboxDir: string;
  drop: () => Promise<void>;
};

/** A fresh, migrated database for one deployment, and the secrets its processes share. */
export async function newCluster(serverUrl: string, name: string): Promise<TCluster> {
  const database = `alliance_deploy_${name}_${process.pid}`;
  await dropDatabases(serverUrl, database);
  const databaseUrl = await ensureDatabase(serverUrl, database);
  await applyMigrations(databaseUrl);
  const outboxDir = path.join(DEPLOYMENT_DIR, `${name}-outbox`);
  rmSync(outboxDir, { recursive: true, force: true });
  mkdirSync(outboxDir, { recursive: true });
  const env = {
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    DATA_ENCRYPTION_KEY: generateDataKey(),
    DATA_ENCRYPTION_OLD_KEYS: "",
    MAIL_OUTBOX_DIR: outboxDir,
    DEMO_MODE: "false",
    // A practice that turned the two-step requirement off: specs sign seeded therapists in with a password alone.
    // (The requirement adds no statement: tests/integration/two-factor.test.ts.)
    REQUIRE_TWO_FACTOR_FOR_THERAPISTS: "false",
    LOG_LEVEL: "info",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  // Factories and seeds seal text as the app does: with this deployment's key.
  setEnvForChildren({ DATA_ENCRYPTION_KEY: env.DATA_ENCRYPTION_KEY, DATA_ENCRYPTION_OLD_KEYS: "" });
  const db = createDb(databaseUrl);
  return {
    databaseUrl,
    db,
    env,
    outboxDir,
    drop: async () => {
      await db.$disconnect();
      await dropDatabases(serverUrl, database).catch(() => undefined);
    },
  };
}

/** One app instance of this deployment (its own NEXTAUTH_URL). */
export function startInstance(cluster: TCluster, label: string, extraEnv: Record<string, string> = {}): Promise<TInstance> {
  return startNextInstance({ ...cluster.env, ...extraEnv }, label);
}

/** One background worker, as `npm run worker` runs it (apart from the app). */
export async function startWorkerProcess(cluster: TCluster, label: string): Promise<TProcess> {
  const child = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/worker.ts"], {
    env: { ...process.env, ...cluster.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const worker = track(child, label);
  await waitUntil(async () => worker.lines().some((line) => line.includes("worker running")), 60_000, () =>
    `${label} did not start:\n${worker.lines().join("\n")}`,
  );
  return worker;
}

/** The e-mails captured in `outboxDir` (one .eml file each). */
export function outboxFiles(outboxDir: string): string[] {
  return readdirSync(outboxDir).filter((file) => file.endsWith(".eml"));
}

/** A PgBouncer in transaction mode in front of `databaseUrl`, as most managed Postgres offers. */
export type TPooler = { url: string; log: () => string; stop: () => Promise<void> };

/** Debian's pgbouncer (`apt-get install pgbouncer`; .ci/run installs it). */
const PGBOUNCER = ["/usr/sbin/pgbouncer", "/usr/bin/pgbouncer"].find((candidate) => existsSync(candidate));

export async function startPgBouncer(databaseUrl: string, label: string): Promise<TPooler> {
  if (!PGBOUNCER) throw new Error("These specs need PgBouncer: apt-get install pgbouncer (.ci/run installs it).");
  const target = new URL(databaseUrl);
  const name = target.pathname.slice(1);
  const port = await freePort();
  // PgBouncer will not run as root; as root it runs as `postgres`, which must
  // read its folder: one under the system temp folder, not inside a private clone.
  const dir = mkdtempSync(path.join(os.tmpdir(), `alliance-pgbouncer-${label}-`));
  const logFile = path.join(dir, "pgbouncer.log");
  const server = [
    `host=${target.hostname}`,
    `port=${target.port || 5432}`,
    `dbname=${name}`,
    `user=${decodeURIComponent(target.username) || "postgres"}`,
    ...(target.password ? [`password=${decodeURIComponent(target.password)}`] : []),
  ].join(" ");
  writeFileSync(
    path.join(dir, "pgbouncer.ini"),
    [
      "[databases]",
      `${name} = ${server}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      `unix_socket_dir = ${dir}`,
      // Every client logs in as the one user named above.
      "auth_type = any",
      "pool_mode = transaction",
      "max_client_conn = 400",
      "default_pool_size = 20",
      `logfile = ${logFile}`,
      `pidfile = ${path.join(dir, "pgbouncer.pid")}`,
      "",
    ].join("\n"),
  );
  const isRoot = process.getuid?.() === 0;
  if (isRoot) execFileSync("chown", ["-R", "postgres", dir]);
  const child = spawn(PGBOUNCER, [...(isRoot ? ["-u", "postgres"] : []), path.join(dir, "pgbouncer.ini")], { stdio: ["ignore", "pipe", "pipe"] });
  const bouncer = track(child, label);
  const url = `postgresql://pooled@127.0.0.1:${port}/${name}`;
  const readLog = () => (existsSync(logFile) ? readFileSync(logFile, "utf8") : "");
  await waitUntil(
    async () => {
      const client = new pg.Client({ connectionString: url });
      const isUp = await client.connect().then(
        () => true,
        () => false,
      );
      await client.end().catch(() => undefined);
      return isUp;
    },
    20_000,
    () => `PgBouncer did not start:\n${bouncer.lines().join("\n")}\n${readLog()}`,
  );
  return {
    url,
    log: readLog,
    stop: async () => {
      await bouncer.stop("SIGINT");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
