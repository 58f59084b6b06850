// `npm run restore FILE`: a backup from `npm run backup` into the database
// `npm start` uses (DATABASE_URL, else the built-in one), which must be empty:
// a restore never merges into data (server/backup/backup.ts).
import { existsSync } from "node:fs";
import { getEnv } from "../server/env";
import { describeBackupFailure, restoreBackup } from "../server/backup/backup";
import { databaseInUse, type TDatabaseInUse } from "./lib/database";
import { formatCount } from "./lib/format";

const file = process.argv.slice(2).find((arg) => !arg.startsWith("--"));
if (!file) {
  console.error("[restore] Say which backup to restore: npm run restore FILE (for example a file in backups/).");
  process.exit(2);
}
if (!existsSync(file)) {
  console.error(`[restore] There is no file ${file}.`);
  process.exit(2);
}

let database: TDatabaseInUse | undefined;
try {
  database = await databaseInUse();
  const result = await restoreBackup({ databaseUrl: database.directUrl, file, pgBinDir: getEnv().PG_BIN_DIR });
  console.log(
    `[restore] restored ${formatCount(result.rows, "row")} in ${result.tables} tables from ${file} (${result.format === "pg_dump" ? "pg_dump archive" : "built-in format"}) into ${database.description}.`,
  );
} catch (error) {
  console.error(`[restore] ${describeBackupFailure(error)}`);
  process.exitCode = 1;
} finally {
  await database?.server?.stop();
}
