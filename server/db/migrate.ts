// Applies prisma/migrations/*/migration.sql in order and records each in
// `_prisma_migrations` exactly as Prisma does (sha256 checksum of the file),
// so `prisma migrate deploy` agrees with this runner wherever Prisma's schema
// engine is available. Prisma's engine cannot be downloaded on the project's
// machines, hence this runner (see docs/architecture.md, "Database and migrations").
//
// Invariants: each migration runs in its own transaction together with its
// bookkeeping row; a Postgres advisory lock serialises concurrent starts of
// several app instances; an applied migration whose file changed afterwards
// stops the run instead of being silently ignored.
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { migrateQueue } from "../jobs/queue";

const MIGRATIONS_TABLE_DDL = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

// Arbitrary constant shared by every instance of this app.
const MIGRATION_LOCK_KEY = 72_657_001;

export const MIGRATIONS_DIR = path.resolve(process.cwd(), "prisma/migrations");

export type TMigration = { name: string; sql: string; checksum: string };

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<TMigration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

export async function applyMigrations(
  connectionString: string,
  options: {
    dir?: string;
    log?: (line: string) => void;
    /** Apply only these (a restore brings the schema to its backup's point first); others stay pending. */
    only?: readonly string[];
  } = {},
): Promise<string[]> {
  const log = options.log ?? (() => {});
  const only = options.only ? new Set(options.only) : null;
  const migrations = (await readMigrations(options.dir)).filter((migration) => !only || only.has(migration.name));
  const client = new pg.Client({ connectionString });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await client.query(MIGRATIONS_TABLE_DDL);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations"
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((row) => [row.migration_name, row.checksum]));
    for (const migration of migrations) {
      const recorded = done.get(migration.name);
      if (recorded !== undefined) {
        if (recorded !== migration.checksum) {
          throw new Error(
            `Migration ${migration.name} was changed after it was applied. Add a new migration instead of editing an applied one.`,
          );
        }
        continue;
      }
      await applyOne(client, migration);
      applied.push(migration.name);
      log(`applied migration ${migration.name}`);
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end();
  }
  // The job queue's own schema (graphile_worker), versioned by the library.
  await migrateQueue(connectionString);
  return applied;
}

async function applyOne(client: pg.Client, migration: TMigration): Promise<void> {
  const id = randomUUID();
  await client.query("BEGIN");
  try {
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), 0)`,
      [id, migration.checksum, migration.name],
    );
    await client.query(migration.sql);
    await client.query(
      `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
      [id],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
  }
}
