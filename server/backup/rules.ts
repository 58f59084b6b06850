// When a restore may go ahead, whatever the file's format.
//
// Invariants:
// - A restore never merges into data: the target holds no rows (migration
//   bookkeeping aside), checked before anything is written.
// - Every migration the backup's database had is one this code knows, with
//   the same file contents; otherwise this code can't build the schema the
//   rows were written under, and the restore stops before touching anything.
// - The target's own applied migrations (it may have been migrated already,
//   still empty) are all in the backup, so the rows go into the schema they
//   came from; migrations newer than the backup run after the rows are in.
import type { TMigration } from "../db/migrate";
import type { TAppliedMigration } from "./catalog";
import { BackupError } from "./errors";

/** Checks the migrations; returns the ones this code has that the backup predates (to apply after the load). */
export function checkRestoreMigrations(
  backup: readonly TAppliedMigration[],
  known: readonly TMigration[],
  target: readonly TAppliedMigration[] | null,
): string[] {
  const knownByName = new Map(known.map((migration) => [migration.name, migration.checksum]));
  for (const migration of backup) {
    const checksum = knownByName.get(migration.name);
    if (checksum === undefined) {
      throw new BackupError(
        `This backup comes from a newer Alliance: it has migration ${migration.name}, which this code doesn't know. Restore it with that version or a later one.`,
      );
    }
    if (checksum !== migration.checksum) {
      throw new BackupError(
        `Migration ${migration.name} in this backup differs from this code's copy; restore it with the Alliance version that made it.`,
      );
    }
  }
  const inBackup = new Map(backup.map((migration) => [migration.name, migration.checksum]));
  for (const migration of target ?? []) {
    if (inBackup.get(migration.name) !== migration.checksum) {
      throw new BackupError(
        `The target database already has migration ${migration.name}, which the backup predates; restore into a new, empty database.`,
      );
    }
  }
  return known.filter((migration) => !inBackup.has(migration.name)).map((migration) => migration.name);
}

export function notEmptyError(tablesWithRows: readonly string[]): BackupError {
  const named = tablesWithRows.slice(0, 3).join(", ") + (tablesWithRows.length > 3 ? ", …" : "");
  return new BackupError(`The target database isn't empty (${named} hold rows); restore into a new, empty database. Nothing was changed.`);
}
