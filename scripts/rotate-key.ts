// `npm run rotate-key`: seal every value under the current data key, in
// batches, while the app keeps running (server/crypto/reseal.ts).
//
// Rotating a key (see README, "Encryption at rest"):
// - your own installation: put the new key in DATA_ENCRYPTION_KEY and the old
//   one in DATA_ENCRYPTION_OLD_KEYS on every instance, restart them, then run
//   this; once it reports nothing left, remove the old key.
// - a local install (`npm start` without DATA_ENCRYPTION_KEY):
//   `npm run rotate-key -- --new-key` makes a new key in .data/ and keeps the
//   old one readable; restart `npm start`, which seals the rest on start.
import { getEnv, setEnvForChildren } from "../server/env";
import { createDb } from "../server/db/client";
import { countUnsealed, resealAll } from "../server/crypto/reseal";
import { localDataKey, localOldDataKeys, rotateLocalDataKey } from "./lib/local-secrets";
import { databaseInUse } from "./lib/database";
import { exitOnDatabaseStartError } from "./lib/process";

const env = getEnv();
const log = (line: string) => console.log(`[rotate-key] ${line}`);
const isLocalKey = !env.DATA_ENCRYPTION_KEY;

if (process.argv.includes("--new-key")) {
  if (!isLocalKey) {
    log("DATA_ENCRYPTION_KEY comes from your environment: set the new key there, the old one in DATA_ENCRYPTION_OLD_KEYS, restart, then run `npm run rotate-key`.");
    process.exit(2);
  }
  rotateLocalDataKey();
  log("made a new key in .data/encryption-key; the old one stays readable.");
  log("Restart Alliance (`npm start`): it seals everything under the new key as it starts.");
  process.exit(0);
}

if (isLocalKey) setEnvForChildren({ DATA_ENCRYPTION_KEY: localDataKey(), DATA_ENCRYPTION_OLD_KEYS: localOldDataKeys() });

const { url, server } = await databaseInUse().catch(exitOnDatabaseStartError);
const db = createDb(url);
try {
  const report = await resealAll(db, { log });
  const left = await countUnsealed(db);
  const unreadable = Object.values(report).reduce((sum, counts) => sum + counts.unreadable, 0);
  const resealed = Object.values(report).reduce((sum, counts) => sum + counts.resealed, 0);
  const remaining = Object.values(left).reduce((sum, count) => sum + count, 0);
  log(`${resealed} values sealed under the current key; ${remaining} not under it${unreadable ? ` (${unreadable} unreadable: is an old key missing from DATA_ENCRYPTION_OLD_KEYS?)` : ""}.`);
  process.exitCode = remaining === 0 ? 0 : 1;
} finally {
  await db.$disconnect();
  await server?.stop();
}
