// `npm run seed:scale`: adds a large practice (prisma/seed/scale.ts: 1,000
// therapists, 20,000 clients, ~1,000,000 homework days) to the database
// `npm start` uses (DATABASE_URL, else the built-in one), beside whatever is
// there, for measuring Alliance at scale (`npm run bench` builds its own).
// Everyone's password is `alliance-scale-2026`; therapist 1 signs in as
// scale-t1@scale.alliance.test. Run once: a second run says so and stops.
import pg from "pg";
import { getEnv, setEnvForChildren } from "../server/env";
import { applyMigrations } from "../server/db/migrate";
import { FULL_PRACTICE, scaleTherapistEmail, seedScale } from "../prisma/seed/scale";
import { now } from "../server/clock";
import { databaseInUse } from "./lib/database";
import { formatCount } from "./lib/format";
import { localDataKey, localOldDataKeys } from "./lib/local-secrets";
import { exitOnDatabaseStartError } from "./lib/process";

export const SCALE_PASSWORD = "alliance-scale-2026";

const log = (line: string) => console.log(`[seed:scale] ${line}`);
// Sealed as the app will open it: with the local install's key unless one is configured.
if (!getEnv().DATA_ENCRYPTION_KEY) setEnvForChildren({ DATA_ENCRYPTION_KEY: localDataKey(), DATA_ENCRYPTION_OLD_KEYS: localOldDataKeys() });

const database = await databaseInUse().catch(exitOnDatabaseStartError);
const client = new pg.Client({ connectionString: database.directUrl });
try {
  await applyMigrations(database.directUrl);
  await client.connect();
  const existing = await client.query("SELECT 1 FROM users WHERE email = $1", [scaleTherapistEmail(FULL_PRACTICE.prefix, 1)]);
  if (existing.rowCount) {
    log(`${database.description} already holds the scale practice; nothing added.`);
  } else {
    log(`building the scale practice in ${database.description}…`);
    const report = await seedScale(client, FULL_PRACTICE, { now: now(), password: SCALE_PASSWORD });
    for (const [table, count] of Object.entries(report.rows)) log(`  ${table.padEnd(22)} ${formatCount(count, "row")}`);
    log(`done in ${report.seconds}s. Sign in as ${scaleTherapistEmail(FULL_PRACTICE.prefix, 1)} (password ${SCALE_PASSWORD}).`);
  }
} catch (error) {
  console.error(`[seed:scale] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await client.end().catch(() => undefined);
  await database.server?.stop();
}
