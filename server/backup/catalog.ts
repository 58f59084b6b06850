// What a backup or restore needs to know about a database, read from the
// Postgres catalog: the app's tables and columns, their foreign keys, the
// applied migrations, row counts, and whether the database is empty.
//
// What a backup holds: every table of the app's schema (`public`). Not the
// job queue's `graphile_worker` schema: graphile-worker owns and versions it
// (the restore's migrator recreates it, and the worker does on start), its
// tables are internal to the library version that made them, and its rows
// are transient (locks held by workers of the old installation, cron
// bookkeeping, jobs that hold only ids). So e-mails queued but not yet sent
// when the backup was made are not sent after a restore; in-app
// notifications and reminder bookkeeping are ordinary tables and come back.
import type pg from "pg";
import type { TForeignKey } from "./load-order";

export const APP_SCHEMA = "public";
export const QUEUE_SCHEMA = "graphile_worker";
/** Prisma's bookkeeping: a restore re-creates its rows by applying the same migrations. */
export const MIGRATIONS_TABLE = "_prisma_migrations";

export type TAppliedMigration = { name: string; checksum: string };

/**
 * Settings that make COPY text read back the same on any server: ISO dates
 * (DateStyle decides how a date like 01/02 is read), floats without loss.
 */
export async function setPortableSession(client: pg.Client): Promise<void> {
  await client.query(`SET client_encoding = 'UTF8'; SET datestyle = 'ISO, YMD'; SET intervalstyle = 'postgres';
    SET extra_float_digits = 3; SET bytea_output = 'hex'; SET standard_conforming_strings = on; SET TimeZone = 'UTC'`);
}

export async function serverVersion(client: pg.Client): Promise<{ version: string; major: number }> {
  const { rows } = await client.query<{ version: string; num: string }>(
    "SELECT current_setting('server_version') AS version, current_setting('server_version_num') AS num",
  );
  return { version: rows[0]!.version.split(" ")[0]!, major: Math.floor(Number(rows[0]!.num) / 10_000) };
}

/** The app schema's ordinary tables, by name. */
export async function appTables(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c
     WHERE c.relnamespace = $1::regnamespace AND c.relkind = 'r' ORDER BY c.relname`,
    [APP_SCHEMA],
  );
  return rows.map((row) => row.name);
}

/** Columns COPY can write, in table order: not dropped, not generated. */
export async function copyColumns(client: pg.Client): Promise<Map<string, string[]>> {
  const { rows } = await client.query<{ table: string; columns: string[] }>(
    `SELECT c.relname AS table, array_agg(a.attname::text ORDER BY a.attnum) AS columns
     FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
     WHERE c.relnamespace = $1::regnamespace AND c.relkind = 'r'
       AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     GROUP BY c.relname`,
    [APP_SCHEMA],
  );
  return new Map(rows.map((row) => [row.table, row.columns]));
}

export type TForeignKeyDefinition = TForeignKey & { definition: string };

export async function foreignKeys(client: pg.Client): Promise<TForeignKeyDefinition[]> {
  const { rows } = await client.query<TForeignKeyDefinition>(
    `SELECT con.conname AS name, src.relname AS table, dst.relname AS references,
            pg_get_constraintdef(con.oid) AS definition
     FROM pg_constraint con
     JOIN pg_class src ON src.oid = con.conrelid
     JOIN pg_class dst ON dst.oid = con.confrelid
     WHERE con.contype = 'f' AND src.relnamespace = $1::regnamespace AND dst.relnamespace = $1::regnamespace
     ORDER BY src.relname, con.conname`,
    [APP_SCHEMA],
  );
  return rows;
}

/** Applied migrations in order; null when the database has never been migrated. */
export async function appliedMigrations(client: pg.Client): Promise<TAppliedMigration[] | null> {
  const { rows: exists } = await client.query("SELECT 1 FROM pg_class WHERE relnamespace = $1::regnamespace AND relname = $2", [
    APP_SCHEMA,
    MIGRATIONS_TABLE,
  ]);
  if (exists.length === 0) return null;
  const { rows } = await client.query<TAppliedMigration>(
    `SELECT migration_name AS name, checksum FROM ${client.escapeIdentifier(MIGRATIONS_TABLE)}
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows;
}

export async function rowCount(client: pg.Client, table: string): Promise<number> {
  const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${client.escapeIdentifier(table)}`);
  return Number(rows[0]!.n);
}

/** Tables of the app schema holding rows (migration bookkeeping aside): a restore target must have none. */
export async function tablesWithRows(client: pg.Client): Promise<string[]> {
  const found: string[] = [];
  for (const table of await appTables(client)) {
    if (table === MIGRATIONS_TABLE) continue;
    const { rows } = await client.query(`SELECT 1 FROM ${client.escapeIdentifier(table)} LIMIT 1`);
    if (rows.length > 0) found.push(table);
  }
  return found;
}

/** Sequences owned by app columns (serial or identity), set past the restored rows. */
export async function resetSequences(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ sequence: string; table: string; column: string }>(
    `SELECT s.oid::regclass::text AS sequence, t.relname AS table, a.attname AS column
     FROM pg_class s
     JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid AND d.deptype IN ('a', 'i')
     JOIN pg_class t ON t.oid = d.refobjid
     JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
     WHERE s.relkind = 'S' AND t.relnamespace = $1::regnamespace`,
    [APP_SCHEMA],
  );
  for (const row of rows) {
    const column = client.escapeIdentifier(row.column);
    await client.query(
      `SELECT setval($1::regclass, COALESCE(max(${column}), 1), max(${column}) IS NOT NULL) FROM ${client.escapeIdentifier(row.table)}`,
      [row.sequence],
    );
  }
}
