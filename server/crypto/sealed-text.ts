// Authenticated encryption of sensitive free text at rest (AES-256-GCM).
//
// INVARIANTS
// - A sealed value reads `enc1:<keyId>:<iv>:<ciphertext+tag>` (base64url
//   parts). The key id names the key that sealed it, so keys can rotate: the
//   current key seals, every key in the keyring opens.
// - Each value is bound to where it lives (the additional authenticated data
//   names the field and the row's owner, e.g. a session and note kind), so a
//   value copied into another row or column, say a therapist's private note
//   pasted over the shared summary by someone with database access, fails to
//   open instead of being shown to the wrong person.
// - The empty string stays empty: "nothing written" is not a secret, and it
//   keeps column defaults working. Anything else that is not sealed is
//   refused on read: plaintext in an encrypted column is a bug, not data.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

const FORMAT = "enc1";
const ALGORITHM = "aes-256-gcm";
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

export type TDataKey = { id: string; key: Buffer };
export type TKeyring = { current: TDataKey; all: ReadonlyMap<string, TDataKey> };

export class SealedTextError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SealedTextError";
  }
}

/** A short public name for a key: a hash of it, so the id reveals nothing usable. */
export function keyIdOf(key: Buffer): string {
  return createHash("sha256").update("alliance-data-key-id\0").update(key).digest("base64url").slice(0, 12);
}

/** Parses a base64 or base64url 256-bit key; throws a sentence naming the variable. */
export function parseDataKey(encoded: string, name: string): TDataKey {
  const key = Buffer.from(encoded.trim().replace(/-/g, "+").replace(/_/g, "/"), "base64");
  if (key.length !== KEY_BYTES) {
    throw new SealedTextError(`${name} must be ${KEY_BYTES} random bytes in base64 (got ${key.length} bytes).`);
  }
  return { id: keyIdOf(key), key };
}

export function makeKeyring(current: TDataKey, older: TDataKey[] = []): TKeyring {
  const all = new Map<string, TDataKey>();
  for (const key of [...older, current]) all.set(key.id, key);
  return { current, all };
}

export function generateDataKey(): string {
  return randomBytes(KEY_BYTES).toString("base64url");
}

export function isSealed(value: string): boolean {
  return value.startsWith(`${FORMAT}:`);
}

/** The id of the key that sealed `value`, or null for plaintext and "". */
export function sealedKeyId(value: string): string | null {
  return isSealed(value) ? (value.split(":")[1] ?? null) : null;
}

export function seal(keyring: TKeyring, plaintext: string, context: string): string {
  if (plaintext === "") return "";
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, keyring.current.key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return [FORMAT, keyring.current.id, iv.toString("base64url"), body.toString("base64url")].join(":");
}

export function open(keyring: TKeyring, stored: string, context: string): string {
  if (stored === "") return "";
  const [format, keyId, ivPart, bodyPart, ...extra] = stored.split(":");
  if (format !== FORMAT || !keyId || !ivPart || !bodyPart || extra.length > 0) {
    throw new SealedTextError("A value in an encrypted column is not sealed. Run `npm run rotate-key` to seal existing rows.");
  }
  const dataKey = keyring.all.get(keyId);
  if (!dataKey) {
    throw new SealedTextError(`A value was sealed with key ${keyId}, which is not configured (DATA_ENCRYPTION_KEY / DATA_ENCRYPTION_OLD_KEYS).`);
  }
  const iv = Buffer.from(ivPart, "base64url");
  const body = Buffer.from(bodyPart, "base64url");
  if (iv.length !== IV_BYTES || body.length < TAG_BYTES) throw new SealedTextError("A sealed value is malformed.");
  const decipher = createDecipheriv(ALGORITHM, dataKey.key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    // Wrong key, tampered bytes, or a value moved from another row or column.
    throw new SealedTextError("A sealed value failed its integrity check.");
  }
}

// Binary sealing, for audio (server/voice/chunks.ts): `iv | ciphertext | tag`
// as raw bytes, the key named by the caller's row. Same algorithm, same
// binding to a context, no base64 (a memo is megabytes).

export const SEALED_BYTES_OVERHEAD = IV_BYTES + TAG_BYTES;

export function sealBytes(key: TDataKey, plaintext: Buffer, context: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key.key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, "utf8"));
  return Buffer.concat([iv, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

export function openBytes(keyring: TKeyring, keyId: string, sealed: Buffer, context: string): Buffer {
  const dataKey = keyring.all.get(keyId);
  if (!dataKey) {
    throw new SealedTextError(`Audio was sealed with key ${keyId}, which is not configured (DATA_ENCRYPTION_KEY / DATA_ENCRYPTION_OLD_KEYS).`);
  }
  if (sealed.length < SEALED_BYTES_OVERHEAD) throw new SealedTextError("A sealed chunk is malformed.");
  const decipher = createDecipheriv(ALGORITHM, dataKey.key, sealed.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new SealedTextError("A sealed chunk failed its integrity check.");
  }
}
