// Keyed hashes for values that must be matched later but never kept: the
// e-mail and network addresses in throttle keys (server/auth/throttle.ts).
// HMAC-SHA256 under a key derived from NEXTAUTH_SECRET with its own label,
// so a copy of the database shows no address, and nobody without the secret
// can test a guessed address against a row. Every app instance shares the
// secret, so they compute the same keys; changing it only restarts the
// counters.
import { createHmac } from "node:crypto";
import { getEnv } from "../env";

const LABEL = "alliance:keyed-hash:v1";

let cached: { secret: string; key: Buffer } | undefined;

function hashKey(): Buffer {
  const secret = getEnv().NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set: throttle keys cannot be computed.");
  if (cached?.secret !== secret) cached = { secret, key: createHmac("sha256", secret).update(LABEL).digest() };
  return cached.key;
}

/** 128 bits of HMAC as hex; `kind` keeps an e-mail and a network address with the same text apart. */
export function keyedHash(kind: "email" | "address", value: string): string {
  return createHmac("sha256", hashKey()).update(`${kind}\0${value}`).digest("hex").slice(0, 32);
}
