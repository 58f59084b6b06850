/** A backup or restore that can't go ahead. The message is one sentence for a person, printed as it is. */
export class BackupError extends Error {
  override name = "BackupError";
}

/** One sentence for any failure: a BackupError as written, anything else by its first line. */
export function describeBackupFailure(error: unknown): string {
  if (error instanceof BackupError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split("\n")[0]!.trim().slice(0, 300);
  if (error instanceof Error && error.name === "DatabaseStartError") return firstLine;
  return `It failed: ${firstLine || "unknown error"}.`.replace(/\.\.$/, ".");
}
