// The built-in backup format, written in Node for when no pg_dump fit for the
// server is at hand (the embedded Postgres 18 ships without one, and an older
// pg_dump refuses a newer server).
//
// The file is gzip (whose CRC catches a damaged or cut-off file) of:
//   line 1: a JSON header (ZBuiltinHeaderSchema): format version, when and
//           from which server, the applied migrations, and per table its
//           columns and row count, in the order a restore loads them;
//   then, per table in that order, its rows as COPY text, and a line `\.`.
// COPY text escapes every backslash, newline and carriage return in the data,
// so each row is one line and no row reads `\.`.
//
// Invariants:
// - A backup reads one snapshot (REPEATABLE READ), so the tables agree with
//   each other and with the counts in the header.
// - A restore goes only into a database without rows; it applies the
//   backup's migrations with the project's own migrator, loads every table in
//   one transaction (all or nothing) and checks each table's row count, then
//   applies any migrations this code has that the backup predates.
import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import type { Readable, Writable } from "node:stream";
import { finished, pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { z } from "zod";
import { applyMigrations, type TMigration } from "../db/migrate";
import {
  appliedMigrations,
  appTables,
  copyColumns,
  foreignKeys,
  MIGRATIONS_TABLE,
  resetSequences,
  rowCount,
  serverVersion,
  tablesWithRows,
  setPortableSession,
  type TAppliedMigration,
} from "./catalog";
import { BackupError } from "./errors";
import { foreignKeysToSuspend, loadOrder } from "./load-order";
import { checkRestoreMigrations, notEmptyError } from "./rules";

const FORMAT = "alliance-backup";
const VERSION = 1;
const END_OF_TABLE = Buffer.from("\\.\n");
const NEWLINE = 0x0a;
/** Rows are sent to COPY in batches of about this many bytes. */
const BATCH_BYTES = 256 * 1024;

const ZBuiltinHeaderSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  createdAt: z.string(),
  server: z.object({ version: z.string(), major: z.number().int() }),
  migrations: z.array(z.object({ name: z.string(), checksum: z.string() })),
  tables: z.array(z.object({ name: z.string(), columns: z.array(z.string()).min(1), rows: z.number().int().min(0) })),
});

type TBuiltinHeader = z.infer<typeof ZBuiltinHeaderSchema>;
export type TBuiltinResult = { rows: number; tables: number };

/** Writes the database at `url` to `file` (which the caller renames into place once complete). */
export async function writeBuiltinBackup(url: string, file: string, createdAt: Date): Promise<TBuiltinResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await setPortableSession(client);
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const migrations = await appliedMigrations(client);
    if (!migrations) throw new BackupError("This database has no Alliance tables (it was never migrated), so there is nothing to back up.");
    const columns = await copyColumns(client);
    const names = (await appTables(client)).filter((table) => table !== MIGRATIONS_TABLE);
    const tables: TBuiltinHeader["tables"] = [];
    for (const name of loadOrder(names, await foreignKeys(client))) {
      tables.push({ name, columns: columns.get(name) ?? [], rows: await rowCount(client, name) });
    }
    const header: TBuiltinHeader = {
      format: FORMAT,
      version: VERSION,
      createdAt: createdAt.toISOString(),
      server: await serverVersion(client),
      migrations,
      tables,
    };

    const gzip = createGzip();
    const written = pipeline(gzip, createWriteStream(file));
    // Awaited below; this only keeps an early failure from being reported as unhandled.
    written.catch(() => {});
    try {
      await write(gzip, Buffer.from(`${JSON.stringify(header)}\n`));
      for (const table of tables) {
        const copy: Readable = client.query(copyTo(`COPY ${client.escapeIdentifier(table.name)} (${columnList(client, table.columns)}) TO STDOUT`));
        let lines = 0;
        for await (const chunk of copy as AsyncIterable<Buffer>) {
          lines += countNewlines(chunk);
          await write(gzip, chunk);
        }
        if (lines !== table.rows) throw new Error(`${table.name}: counted ${table.rows} rows but copied ${lines}`);
        await write(gzip, END_OF_TABLE);
      }
      gzip.end();
      await written;
    } catch (error) {
      gzip.destroy();
      await written.catch(() => {});
      throw error;
    }
    await client.query("COMMIT");
    return { rows: sum(tables.map((table) => table.rows)), tables: tables.length };
  } finally {
    await client.end();
  }
}

/** Reads a built-in backup's header without touching any database. */
export async function readBuiltinHeader(file: string): Promise<TBuiltinHeader> {
  const { header, close } = await openBuiltin(file);
  close();
  return header;
}

export async function restoreBuiltinBackup(url: string, file: string, knownMigrations: TMigration[]): Promise<TBuiltinResult> {
  const { header, lines, close } = await openBuiltin(file);
  try {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await setPortableSession(client);
      const busy = await tablesWithRows(client);
      if (busy.length > 0) throw notEmptyError(busy);
      const pending = checkRestoreMigrations(header.migrations, knownMigrations, await appliedMigrations(client));
      // The schema as it was when the backup was made; newer migrations run after the load, on the data.
      await applyMigrations(url, { only: header.migrations.map((migration) => migration.name) });
      await loadTables(client, header, lines);
      if (pending.length > 0) await applyMigrations(url);
      return { rows: sum(header.tables.map((table) => table.rows)), tables: header.tables.length };
    } finally {
      await client.end();
    }
  } finally {
    close();
  }
}

/** Every table in one transaction, checked row count by row count; nothing is kept unless all of it loads. */
async function loadTables(client: pg.Client, header: TBuiltinHeader, lines: AsyncIterator<Buffer>): Promise<void> {
  await client.query("BEGIN");
  try {
    const present = (await appTables(client)).filter((table) => table !== MIGRATIONS_TABLE);
    // Nothing else writes while the rows go in, and the emptiness check holds until commit.
    if (present.length > 0) {
      await client.query(`LOCK TABLE ${present.map((table) => client.escapeIdentifier(table)).join(", ")} IN ACCESS EXCLUSIVE MODE`);
    }
    const busy = await tablesWithRows(client);
    if (busy.length > 0) throw notEmptyError(busy);
    const columns = await copyColumns(client);
    for (const table of header.tables) {
      const have = columns.get(table.name);
      if (!have) throw new BackupError(`The backup has a table ${table.name} that this database lacks, so it can't be restored here.`);
      const missing = table.columns.find((column) => !have.includes(column));
      if (missing) throw new BackupError(`The backup has a column ${table.name}.${missing} that this database lacks, so it can't be restored here.`);
    }

    await client.query("SET CONSTRAINTS ALL DEFERRED");
    const suspended = foreignKeysToSuspend(
      header.tables.map((table) => table.name),
      await foreignKeys(client),
    );
    for (const key of suspended) {
      await client.query(`ALTER TABLE ${client.escapeIdentifier(key.table)} DROP CONSTRAINT ${client.escapeIdentifier(key.name)}`);
    }
    for (const table of header.tables) await copyTableIn(client, table, lines);
    if (!(await lines.next()).done) throw new BackupError("The backup file has data after its last table; it may be damaged.");
    // Added back, so Postgres checks every loaded row against them before the commit.
    for (const key of suspended) {
      await client.query(
        `ALTER TABLE ${client.escapeIdentifier(key.table)} ADD CONSTRAINT ${client.escapeIdentifier(key.name)} ${key.definition}`,
      );
    }
    await resetSequences(client);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

async function copyTableIn(client: pg.Client, table: TBuiltinHeader["tables"][number], lines: AsyncIterator<Buffer>): Promise<void> {
  const copy = client.query(copyFrom(`COPY ${client.escapeIdentifier(table.name)} (${columnList(client, table.columns)}) FROM STDIN`));
  // pg-copy-streams reports a refused COPY by emitting "error" without marking the stream: keep it here.
  let refused: unknown = null;
  copy.on("error", (error) => {
    refused ??= error;
  });
  const done = finished(copy);
  done.catch(() => {});
  try {
    let batch: Buffer[] = [];
    let size = 0;
    for (;;) {
      const next = await lines.next();
      if (next.done) throw new BackupError("The backup file ends in the middle of a table; it is incomplete.");
      const line = next.value;
      if (line.length === 2 && line[0] === 0x5c && line[1] === 0x2e) break;
      batch.push(line, NEWLINE_BUFFER);
      size += line.length + 1;
      if (size >= BATCH_BYTES) {
        if (refused) throw refused;
        await write(copy, Buffer.concat(batch));
        batch = [];
        size = 0;
      }
    }
    if (refused) throw refused;
    copy.end(Buffer.concat(batch));
    await done;
  } catch (error) {
    // A COPY still open would hold the connection: abort it (CopyFail) so the ROLLBACK can run.
    if (!refused && !copy.destroyed) {
      copy.destroy();
      await done.catch(() => {});
    }
    throw error;
  }
  if (copy.rowCount !== table.rows) {
    throw new BackupError(`The backup's ${table.name} table holds ${copy.rowCount} rows where its header says ${table.rows}; it may be damaged.`);
  }
}

const NEWLINE_BUFFER = Buffer.from([NEWLINE]);

async function openBuiltin(file: string): Promise<{ header: TBuiltinHeader; lines: AsyncIterator<Buffer>; close: () => void }> {
  const gunzip = createGunzip();
  const source = createReadStream(file);
  const piping = pipeline(source, gunzip);
  piping.catch(() => {});
  const close = () => {
    source.destroy();
    gunzip.destroy();
  };
  const lines = splitLines(gunzip);
  try {
    const first = await lines.next();
    const parsed = first.done ? null : parseHeader(first.value);
    if (!parsed?.success) throw new BackupError(`${file} is not an Alliance backup: its first line is not a backup header.`);
    return { header: parsed.data, lines, close };
  } catch (error) {
    close();
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file} can't be read as an Alliance backup (${firstLine(error)}); it may be damaged or cut off.`);
  }
}

function parseHeader(line: Buffer) {
  let json: unknown;
  try {
    json = JSON.parse(line.toString("utf8"));
  } catch {
    return null;
  }
  if (typeof json === "object" && json !== null && "format" in json && json.format === FORMAT && "version" in json && json.version !== VERSION) {
    throw new BackupError(`This backup is in version ${String(json.version)} of the built-in format, which a newer Alliance wrote; restore it with that version.`);
  }
  return ZBuiltinHeaderSchema.safeParse(json);
}

/** The stream's lines (without their newline), as raw bytes: no decoding, so every byte of every row survives. */
async function* splitLines(stream: AsyncIterable<Buffer>): AsyncGenerator<Buffer, void, undefined> {
  let rest: Buffer = Buffer.alloc(0);
  try {
    for await (const chunk of stream) {
      const data = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
      let start = 0;
      for (let end = data.indexOf(NEWLINE, start); end !== -1; end = data.indexOf(NEWLINE, start)) {
        yield data.subarray(start, end);
        start = end + 1;
      }
      rest = data.subarray(start);
    }
  } catch (error) {
    throw new BackupError(`The backup file can't be read (${firstLine(error)}); it may be damaged or cut off.`);
  }
  if (rest.length > 0) yield rest;
}

async function write(stream: Writable, chunk: Buffer): Promise<void> {
  // `once` rejects if the stream fails while we wait.
  if (!stream.write(chunk)) await once(stream, "drain");
}

function columnList(client: pg.Client, columns: string[]): string {
  return columns.map((column) => client.escapeIdentifier(column)).join(", ");
}

function countNewlines(chunk: Buffer): number {
  let count = 0;
  for (let at = chunk.indexOf(NEWLINE); at !== -1; at = chunk.indexOf(NEWLINE, at + 1)) count += 1;
  return count;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0]!;
}

export type { TAppliedMigration };
