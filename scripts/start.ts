// `npm start`: the one command that starts Alliance.
//  - DATABASE_URL set: use it. Unset: start an embedded Postgres whose data
//    lives in .data/postgres (git-ignored) and survives restarts.
//  - Apply pending migrations; in demo mode (the default without
//    DATABASE_URL) seed the demo practice once and print its sign-ins.
//  - Build when the sources are newer than the last build, then serve it
//    (scripts/serve.ts: Next's own server, with the client's address taken
//    from the socket).
//  - Run the background worker (reminders, e-mails) in this process, unless
//    RUN_WORKER=false (then run `npm run worker` somewhere).
import { getEnv, setEnvForChildren } from "../server/env";
import { applyMigrations } from "../server/db/migrate";
import { ensureDatabase, resolveDatabaseServer } from "../server/db/provision";
import { createDb } from "../server/db/client";
import { resealAll } from "../server/crypto/reseal";
import { DEMO_ACCOUNTS, DEMO_COLLEAGUES, DEMO_PASSWORD } from "../server/auth/demo-accounts";
import { seedDemo } from "../prisma/seed/demo";
import { seedStarterTemplates } from "../prisma/seed/starter-templates";
import type { ChildProcess } from "node:child_process";
import type { TWorker } from "../server/jobs/worker";
import { startWorker } from "../server/jobs/worker";
import { SERVE_ARGS, bin, exited, exitOnDatabaseStartError, onShutdown, run, shutdownStarted, startInBackground } from "./lib/process";
import { localAuthSecret, localDataKey, localOldDataKeys } from "./lib/local-secrets";
import { needsBuild } from "./lib/build";
import { mailSetupFromEnv, mailSetupRefusal } from "../server/mail/setup";

const env = getEnv();
// A real installation sends its e-mail, or keeps it as files on purpose (server/mail/setup.ts).
const mailRefusal = mailSetupRefusal(mailSetupFromEnv(env));
if (mailRefusal) {
  console.error(`[alliance] ${mailRefusal}`);
  process.exit(1);
}
// Next.js telemetry would be a request to a third party (docs/security-and-privacy.md, S12).
setEnvForChildren({ NEXT_TELEMETRY_DISABLED: "1" });
const log = (line: string) => console.log(`[alliance] ${line}`);

const server = await resolveDatabaseServer({
  url: env.DATABASE_URL,
  dataDir: env.EMBEDDED_PG_DIR,
  port: env.EMBEDDED_PG_PORT,
  // Only the lines worth a person's attention (e.g. where the data lives when run as root).
  log: (line) => {
    if (line.startsWith("running as root")) log(line);
  },
}).catch(exitOnDatabaseStartError);
// One shutdown (SIGTERM, SIGINT): the app stops taking requests and finishes
// the ones in flight (server/shutdown.ts) while the worker finishes its
// running jobs (the rest stay queued); the embedded Postgres goes last.
const running: { worker?: TWorker; next?: ChildProcess } = {};
onShutdown(async () => {
  const next = running.next;
  next?.kill("SIGTERM");
  await Promise.all([running.worker?.stop().catch((error: unknown) => console.error(error)), next && exited(next)]);
  await server.stop();
});
const databaseUrl = env.DATABASE_URL ?? (await ensureDatabase(server.serverUrl, "alliance"));
// Migrations and the queue need a session of their own (LISTEN, advisory
// locks), which a transaction-mode pooler in DATABASE_URL cannot give.
const directUrl = (env.DATABASE_URL && env.DATABASE_DIRECT_URL) || databaseUrl;
log(env.DATABASE_URL ? `using DATABASE_URL${env.DATABASE_DIRECT_URL ? " (and DATABASE_DIRECT_URL for the live listener, queue and migrations)" : ""}` : `embedded Postgres on port ${env.EMBEDDED_PG_PORT}, data in ${env.EMBEDDED_PG_DIR}`);

const applied = await applyMigrations(directUrl, { log });
if (applied.length === 0) log("database schema is up to date");

// Secrets before anything writes: the seed seals its text like the app does.
const isProductionDatabase = Boolean(env.DATABASE_URL) && env.NODE_ENV === "production";
setEnvForChildren({
  NEXTAUTH_SECRET: env.NEXTAUTH_SECRET ?? localSecret("NEXTAUTH_SECRET", localAuthSecret),
  DATA_ENCRYPTION_KEY: env.DATA_ENCRYPTION_KEY ?? localSecret("DATA_ENCRYPTION_KEY", localDataKey),
  DATA_ENCRYPTION_OLD_KEYS: env.DATA_ENCRYPTION_OLD_KEYS ?? (env.DATA_ENCRYPTION_KEY ? "" : localOldDataKeys()),
});

const isDemo = env.DEMO_MODE ?? !env.DATABASE_URL;
const db = createDb(databaseUrl);
// Rows written before encryption at rest, or under a retired key, are sealed
// under the current key (the same pass as `npm run rotate-key`).
await resealAll(db, { log });
await seedStarterTemplates(db);
if (isDemo) {
  const { seeded } = await seedDemo(db);
  log(seeded ? "seeded the demo practice" : "demo practice already present");
}
await db.$disconnect();

const port = env.PORT;
setEnvForChildren({
  DATABASE_URL: databaseUrl,
  DATABASE_DIRECT_URL: directUrl,
  DEMO_MODE: String(isDemo),
  NEXTAUTH_URL: env.NEXTAUTH_URL ?? `http://localhost:${port}`,
});

if (needsBuild()) {
  log("building the app (first start, or sources changed)…");
  const code = await run(bin("next"), ["build"]);
  if (code !== 0) {
    await server.stop();
    process.exit(code);
  }
}

if (env.RUN_WORKER ?? true) {
  // Reminders and e-mails. RUN_WORKER=false when workers run apart (`npm run worker`).
  running.worker = await startWorker({ connectionString: directUrl });
  log(`background worker running in this process (${env.SMTP_URL ? "e-mail through SMTP_URL" : `e-mails written to ${env.MAIL_OUTBOX_DIR}`})`);
}

const next = startInBackground(process.execPath, [...SERVE_ARGS, "-p", String(port)], process.env);
running.next = next;
log(`Alliance is starting on http://localhost:${port}`);
if (isDemo) {
  log(`demo sign-ins (password for all: ${DEMO_PASSWORD}):`);
  for (const account of DEMO_ACCOUNTS) log(`  ${account.role.padEnd(9)} ${account.email}`);
  for (const account of DEMO_COLLEAGUES) log(`  ${account.role.padEnd(9)} ${account.email} (${account.practiceRole} in the practice)`);
}
next.on("exit", async (code) => {
  // A shutdown in progress finishes on its own (onShutdown above).
  if (shutdownStarted()) return;
  await running.worker?.stop().catch(() => {});
  await server.stop();
  process.exit(code ?? 0);
});

/** A secret kept in .data for a local install; a production database needs its own. */
function localSecret(name: string, readLocal: () => string): string {
  if (isProductionDatabase) {
    throw new Error(`Set ${name} (see .env.example) when running against your own DATABASE_URL.`);
  }
  return readLocal();
}
