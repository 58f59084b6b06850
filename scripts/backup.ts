// `npm run backup [FILE]`: the database `npm start` uses (DATABASE_URL, else
// the built-in one) into one file, by default backups/alliance-<time>.<ext>.
// `npm run backup -- --format=builtin` (or pg_dump) picks the format; by
// default pg_dump when a fit one is found (server/backup/backup.ts).
import { getEnv } from "../server/env";
import { createBackup, describeBackupFailure, type TBackupFormat } from "../server/backup/backup";
import { databaseInUse, type TDatabaseInUse } from "./lib/database";
import { formatBytes, formatCount } from "./lib/format";

const FORMATS: readonly TBackupFormat[] = ["pg_dump", "builtin"];
const args = process.argv.slice(2);
const format = args.find((arg) => arg.startsWith("--format="))?.slice("--format=".length);
const file = args.find((arg) => !arg.startsWith("--"));

if (format !== undefined && !FORMATS.includes(format as TBackupFormat)) {
  console.error(`[backup] --format is pg_dump or builtin, not "${format}".`);
  process.exit(2);
}

/** Voice memos' audio is in this file unless an object store holds it (server/voice/stores.ts). */
function voiceMemoAdvice(blobStoreUrl: string | undefined): string {
  if (!blobStoreUrl) return "Voice memos' audio is kept in Postgres, so it is in this backup (sealed, like the journal).";
  const { origin, pathname } = new URL(blobStoreUrl);
  return (
    `New voice memos' audio is kept in the object store at ${origin}${pathname}, not in this file (only memos written before BLOB_STORE_URL was set are). ` +
    "Back that bucket up with the store's own tools (versioning, replication or a scheduled copy), at the same time as this backup. " +
    "Its objects are sealed: they open only with this installation's DATA_ENCRYPTION_KEY (and any old keys), so keep those safe as well."
  );
}

let database: TDatabaseInUse | undefined;
try {
  database = await databaseInUse();
  const result = await createBackup({
    databaseUrl: database.directUrl,
    file,
    format: format as TBackupFormat | undefined,
    pgBinDir: getEnv().PG_BIN_DIR,
  });
  console.log(
    `[backup] wrote ${result.file} (${formatBytes(result.bytes)}, ${formatCount(result.rows, "row")} in ${result.tables} tables of ${database.description}, ${result.writtenWith}).`,
  );
  console.log(`[backup] ${voiceMemoAdvice(getEnv().BLOB_STORE_URL)}`);
} catch (error) {
  console.error(`[backup] ${describeBackupFailure(error)}`);
  process.exitCode = 1;
} finally {
  await database?.server?.stop();
}
