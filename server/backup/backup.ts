// `npm run backup` and `npm run restore`: the whole database in one file, and
// back into an empty database.
//
// Two formats, told apart by the file's first bytes:
// - pg_dump's custom format (restored with pg_restore), when a pg_dump whose
//   major version is at least the server's is found (PG_BIN_DIR, else PATH);
// - otherwise the built-in format (builtin-format.ts), which needs nothing
//   but a connection: the embedded Postgres ships without pg_dump.
//
// Invariants:
// - A backup file appears under its name only once it is complete (written
//   beside it as `.partial`, then renamed), and never replaces a file.
// - Sealed text is copied as it is stored, still sealed: a backup is only as
//   readable as DATA_ENCRYPTION_KEY (and any old keys) kept with it.
// - What goes in and what stays out (the job queue): catalog.ts.
import { existsSync } from "node:fs";
import { mkdir, open, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { now } from "../clock";
import { readMigrations } from "../db/migrate";
import { serverVersion } from "./catalog";
import { restoreBuiltinBackup, writeBuiltinBackup } from "./builtin-format";
import { BackupError } from "./errors";
import { findPgTools, restorePgDumpBackup, writePgDumpBackup, type TPgTools } from "./pg-dump-format";

export { BackupError, describeBackupFailure } from "./errors";

export type TBackupFormat = "pg_dump" | "builtin";

export type TBackupResult = {
  file: string;
  format: TBackupFormat;
  /** e.g. "pg_dump 17.2" or "built-in format". */
  writtenWith: string;
  bytes: number;
  rows: number;
  tables: number;
};

export const DEFAULT_BACKUP_DIR = "backups";
const EXTENSIONS: Record<TBackupFormat, string> = { pg_dump: "dump", builtin: "copy.gz" };

export async function createBackup(options: {
  databaseUrl: string;
  /** Default: backups/alliance-<UTC time>.<dump|copy.gz>. */
  file?: string;
  /** Default "auto": pg_dump when a fit one is found, else built-in. */
  format?: TBackupFormat | "auto";
  pgBinDir?: string;
}): Promise<TBackupResult> {
  const requested = options.format ?? "auto";
  const major = await serverMajor(options.databaseUrl);
  const tools = requested === "builtin" ? null : await findPgTools(major, options.pgBinDir);
  if (requested === "pg_dump" && !tools) {
    throw new BackupError(`No pg_dump of version ${major} or newer was found (PG_BIN_DIR, then PATH); install the PostgreSQL ${major} client tools, or leave out --format to use the built-in format.`);
  }
  const format: TBackupFormat = tools ? "pg_dump" : "builtin";
  const createdAt = now();
  const file = options.file ?? path.join(DEFAULT_BACKUP_DIR, `alliance-${createdAt.toISOString().slice(0, 19).replaceAll(":", "-")}Z.${EXTENSIONS[format]}`);
  if (existsSync(file)) throw new BackupError(`${file} already exists; give the backup another name.`);
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });

  const partial = `${file}.partial`;
  try {
    const counted = tools ? await writePgDumpBackup(options.databaseUrl, partial, tools) : await writeBuiltinBackup(options.databaseUrl, partial, createdAt);
    await rename(partial, file);
    return { file, format, writtenWith: describeTools(tools), bytes: (await stat(file)).size, ...counted };
  } finally {
    await rm(partial, { force: true });
  }
}

export type TRestoreResult = { file: string; format: TBackupFormat; rows: number; tables: number };

/** Restores `file` into the (empty) database at `databaseUrl`; refuses, changing nothing, when it holds rows. */
export async function restoreBackup(options: { databaseUrl: string; file: string; pgBinDir?: string }): Promise<TRestoreResult> {
  const format = await detectFormat(options.file);
  const known = await readMigrations();
  if (format === "builtin") {
    return { file: options.file, format, ...(await restoreBuiltinBackup(options.databaseUrl, options.file, known)) };
  }
  const major = await serverMajor(options.databaseUrl);
  const tools = await findPgTools(major, options.pgBinDir);
  if (!tools) {
    throw new BackupError(
      `${options.file} is a pg_dump archive, and no pg_restore of version ${major} or newer was found (PG_BIN_DIR, then PATH); install the PostgreSQL ${major} client tools.`,
    );
  }
  return { file: options.file, format, ...(await restorePgDumpBackup(options.databaseUrl, options.file, tools, known)) };
}

async function detectFormat(file: string): Promise<TBackupFormat> {
  if (!existsSync(file)) throw new BackupError(`There is no file ${file}.`);
  const handle = await open(file, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(5), 0, 5, 0);
    const start = buffer.subarray(0, bytesRead);
    if (start.toString("latin1") === "PGDMP") return "pg_dump";
    if (start[0] === 0x1f && start[1] === 0x8b) return "builtin";
    throw new BackupError(`${file} is not an Alliance backup (neither a pg_dump archive nor the built-in format).`);
  } finally {
    await handle.close();
  }
}

async function serverMajor(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await serverVersion(client)).major;
  } finally {
    await client.end();
  }
}

function describeTools(tools: TPgTools | null): string {
  return tools ? `pg_dump ${tools.version}` : "built-in format";
}
