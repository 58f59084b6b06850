// Backups through PostgreSQL's own pg_dump (custom format) and pg_restore,
// used when a pair whose major version is at least the server's is found:
// in PG_BIN_DIR, else on PATH. pg_dump refuses servers newer than itself.
//
// Invariants:
// - The dump reads the snapshot our own transaction exported, so the row
//   counts we report are the rows in the file.
// - The job queue's schema is left out, as in the built-in format (why: catalog.ts).
// - A restore checks the archive's migrations and the target before running
//   pg_restore, which then runs as one transaction (all or nothing).
// - The password never appears on a command line (ps shows those): it goes
//   to the tools in PGPASSWORD.
import { execFile, spawn } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { applyMigrations, type TMigration } from "../db/migrate";
import { childProcessEnv } from "../env";
import { appliedMigrations, appTables, MIGRATIONS_TABLE, QUEUE_SCHEMA, rowCount, type TAppliedMigration } from "./catalog";
import { BackupError } from "./errors";
import { checkRestoreMigrations, notEmptyError } from "./rules";

const execFileAsync = promisify(execFile);

export type TPgTools = { pgDump: string; pgRestore: string; version: string; major: number };

/** pg_dump and pg_restore of one version that can work with a server of `serverMajor`, or null. */
export async function findPgTools(serverMajor: number, binDir?: string): Promise<TPgTools | null> {
  for (const dir of [...(binDir ? [binDir] : []), null]) {
    const pgDump = dir ? path.join(dir, "pg_dump") : "pg_dump";
    const pgRestore = dir ? path.join(dir, "pg_restore") : "pg_restore";
    const dumpVersion = await toolVersion(pgDump);
    if (!dumpVersion || dumpVersion.major < serverMajor) continue;
    const restoreVersion = await toolVersion(pgRestore);
    if (restoreVersion?.major !== dumpVersion.major) continue;
    return { pgDump, pgRestore, ...dumpVersion };
  }
  return null;
}

async function toolVersion(command: string): Promise<{ version: string; major: number } | null> {
  try {
    const { stdout } = await execFileAsync(command, ["--version"]);
    const match = /\(PostgreSQL\)\s+((\d+)[^\s]*)/.exec(stdout);
    return match ? { version: match[1]!, major: Number(match[2]) } : null;
  } catch {
    return null;
  }
}

export type TPgDumpResult = { rows: number; tables: number };

export async function writePgDumpBackup(url: string, file: string, tools: TPgTools): Promise<TPgDumpResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    if (!(await appliedMigrations(client))) {
      throw new BackupError("This database has no Alliance tables (it was never migrated), so there is nothing to back up.");
    }
    const tables = (await appTables(client)).filter((table) => table !== MIGRATIONS_TABLE);
    let rows = 0;
    for (const table of tables) rows += await rowCount(client, table);
    const { rows: exported } = await client.query<{ snapshot: string }>("SELECT pg_export_snapshot() AS snapshot");
    const { dbname, env } = libpqConnection(url);
    await runTool(tools.pgDump, [
      "--format=custom",
      "--no-owner",
      "--no-privileges",
      `--exclude-schema=${QUEUE_SCHEMA}`,
      `--snapshot=${exported[0]!.snapshot}`,
      `--file=${file}`,
      `--dbname=${dbname}`,
    ], env);
    await client.query("COMMIT");
    return { rows, tables: tables.length };
  } finally {
    await client.end();
  }
}

export async function restorePgDumpBackup(
  url: string,
  file: string,
  tools: TPgTools,
  knownMigrations: TMigration[],
): Promise<TPgDumpResult> {
  const { dbname, env } = libpqConnection(url);
  checkRestoreMigrations(await archiveMigrations(file, tools), knownMigrations, null);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const existing = await appTables(client);
    if (existing.length > 0) {
      const withRows: string[] = [];
      for (const table of existing) if (table !== MIGRATIONS_TABLE && (await rowCount(client, table)) > 0) withRows.push(table);
      if (withRows.length > 0) throw notEmptyError(withRows);
      throw new BackupError(
        "The target database already has Alliance's tables; a pg_dump backup creates them itself, so restore it into a new database with no tables. Nothing was changed.",
      );
    }
    await runTool(tools.pgRestore, ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", `--dbname=${dbname}`, file], env);
    // The queue's schema, and any migrations this code has that the backup predates.
    await applyMigrations(url);
    const tables = (await appTables(client)).filter((table) => table !== MIGRATIONS_TABLE);
    let rows = 0;
    for (const table of tables) rows += await rowCount(client, table);
    return { rows, tables: tables.length };
  } finally {
    await client.end();
  }
}

/** The applied migrations recorded in a pg_dump archive (its `_prisma_migrations` rows). */
async function archiveMigrations(file: string, tools: TPgTools): Promise<TAppliedMigration[]> {
  const script = await runTool(tools.pgRestore, ["--data-only", `--table=${MIGRATIONS_TABLE}`, "--file=-", file], childProcessEnv({}));
  const lines = script.split("\n");
  const start = lines.findIndex((line) => line.startsWith(`COPY public.${MIGRATIONS_TABLE} (`));
  if (start === -1) throw new BackupError(`${file} is a pg_dump archive, but not of an Alliance database (it has no ${MIGRATIONS_TABLE} table).`);
  const columns = /\(([^)]*)\)/.exec(lines[start]!)![1]!.split(",").map((column) => column.trim().replace(/^"|"$/g, ""));
  const at = (name: string) => columns.indexOf(name);
  const migrations: TAppliedMigration[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line === "\\.") break;
    const fields = line.split("\t");
    if (fields[at("finished_at")] === "\\N" || fields[at("rolled_back_at")] !== "\\N") continue;
    migrations.push({ name: fields[at("migration_name")]!, checksum: fields[at("checksum")]! });
  }
  return migrations;
}

/** The URL for libpq without its password, which goes in the environment instead. */
function libpqConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  return { dbname: parsed.toString(), env: childProcessEnv(password ? { PGPASSWORD: password } : {}) };
}

/** Runs a tool to the end; its stdout, or a BackupError with its own error line. */
function runTool(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    const stdout: Buffer[] = [];
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", (error) => reject(new BackupError(`${path.basename(command)} couldn't run (${error.message}).`)));
    child.on("close", (code) => {
      if (code === 0) return resolve(Buffer.concat(stdout).toString("utf8"));
      const lines = stderr.split("\n").map((line) => line.trim()).filter(Boolean);
      const reason = (lines.find((line) => line.includes("error:")) ?? lines.at(-1) ?? `exit code ${code}`).replace(/^\S+:\s*(error:\s*)?/, "");
      reject(new BackupError(`${path.basename(command)} failed: ${reason}`));
    });
  });
}
