// Playwright's web server: a fresh database with the demo practice on the
// test run's Postgres server, and the production build on E2E_PORT.
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { getEnv, setEnvForChildren } from "../server/env";
import { applyMigrations } from "../server/db/migrate";
import { dropDatabases, ensureDatabase, resolveDatabaseServer } from "../server/db/provision";
import { createDb } from "../server/db/client";
import { seedDemo } from "../prisma/seed/demo";
import { seedStarterTemplates } from "../prisma/seed/starter-templates";
import { generateDataKey } from "../server/crypto/sealed-text";
import { startWorker } from "../server/jobs/worker";
import { E2E_DATABASE_URL_FILE, E2E_DATA_KEY_FILE, E2E_DIR, E2E_OUTBOX_DIR } from "./lib/e2e-paths";
import { SERVE_ARGS, onShutdown, startInBackground } from "./lib/process";

const env = getEnv();
// Next.js telemetry would be a request to a third party (docs/security-and-privacy.md, S12).
setEnvForChildren({ NEXT_TELEMETRY_DISABLED: "1" });
const port = Number(process.argv[2] ?? 3100);
const server = await resolveDatabaseServer({
  url: env.TEST_DATABASE_SERVER_URL ?? env.TEST_DATABASE_URL,
  dataDir: ".data/test-postgres",
  port: 54398,
});
const prefix = `alliance_e2e_${process.pid}`;
const databaseUrl = await ensureDatabase(server.serverUrl, prefix);
// A throwaway key for this run; the seed seals its text like the app does.
setEnvForChildren({ DATA_ENCRYPTION_KEY: generateDataKey(), DATA_ENCRYPTION_OLD_KEYS: "" });
await applyMigrations(databaseUrl);
const db = createDb(databaseUrl);
await seedStarterTemplates(db);
await seedDemo(db);
await db.$disconnect();

// Specs read captured e-mails and seed records (e.g. an expired invitation).
rmSync(E2E_DIR, { recursive: true, force: true });
mkdirSync(E2E_OUTBOX_DIR, { recursive: true });
writeFileSync(E2E_DATABASE_URL_FILE, databaseUrl, { mode: 0o600 });
writeFileSync(E2E_DATA_KEY_FILE, getEnv().DATA_ENCRYPTION_KEY!, { mode: 0o600 });

setEnvForChildren({
  DATABASE_URL: databaseUrl,
  MAIL_OUTBOX_DIR: E2E_OUTBOX_DIR,
  DEMO_MODE: "true",
  NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
  // A line per call would bury Playwright's own output; LOG_LEVEL=info to see them.
  LOG_LEVEL: process.env.LOG_LEVEL || "warn",
});
// The background worker too, as `npm start` runs it: the UI sees reminders.
const worker = await startWorker({ connectionString: databaseUrl });
const next = startInBackground(process.execPath, [...SERVE_ARGS, "-p", String(port), "-H", "127.0.0.1"], process.env);
onShutdown(async () => {
  await worker.stop().catch(() => {});
  next.kill("SIGTERM");
  await dropDatabases(server.serverUrl, prefix).catch(() => {});
  await server.stop();
});
