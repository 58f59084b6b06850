// Secrets of a local install, kept in .data/ (git-ignored, mode 600) so that
// sessions and sealed text survive restarts. A real installation sets them in
// the environment instead (.env.example), shared by every app instance.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { generateDataKey } from "../../server/crypto/sealed-text";

const AUTH_SECRET_FILE = ".data/auth-secret";
export const DATA_KEY_FILE = ".data/encryption-key";
/** Keys retired by `npm run rotate-key -- --new-key`, one a line, still opened. */
export const OLD_DATA_KEYS_FILE = ".data/encryption-keys-old";

function readOrCreate(file: string, create: () => string): string {
  const target = path.resolve(file);
  if (!existsSync(target)) {
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, create(), { mode: 0o600 });
  }
  return readFileSync(target, "utf8").trim();
}

export function localAuthSecret(): string {
  return readOrCreate(AUTH_SECRET_FILE, () => randomBytes(32).toString("base64url"));
}

export function localDataKey(): string {
  return readOrCreate(DATA_KEY_FILE, generateDataKey);
}

export function localOldDataKeys(): string {
  const file = path.resolve(OLD_DATA_KEYS_FILE);
  if (!existsSync(file)) return "";
  return readFileSync(file, "utf8").split(/\s+/).filter(Boolean).join(",");
}

/** Retires the local key (kept readable) and makes a new one; returns the new key's file. */
export function rotateLocalDataKey(): void {
  const current = localDataKey();
  const older = localOldDataKeys().split(",").filter(Boolean);
  writeFileSync(path.resolve(OLD_DATA_KEYS_FILE), [current, ...older].join("\n") + "\n", { mode: 0o600 });
  const next = path.resolve(`${DATA_KEY_FILE}.next`);
  writeFileSync(next, generateDataKey(), { mode: 0o600 });
  renameSync(next, path.resolve(DATA_KEY_FILE));
}
