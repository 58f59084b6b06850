// Known devices: browsers that signed in to an account before. After a
// correct password the browser gets a random token (256 bits) in an httpOnly
// cookie (server/auth/device-cookie.ts); only its sha256 is stored, bound to
// the user. Presenting it exempts the browser from the account-wide throttle
// (server/auth/throttle.ts): it never proves identity by itself, the password
// is always still needed.
import { hashSecretToken, randomSecretToken } from "../crypto/secret-token";
import type { TDb } from "../db/client";
import { now as clockNow } from "../clock";

/** A device unseen this long is a stranger again (and the cookie lives as long). */
export const KNOWN_DEVICE_DAYS = 180;

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

export type TKnownDevice = { id: string; tokenHash: string; token: string };

export const hashDeviceToken = hashSecretToken;

/**
 * The device behind a cookie, if it is known for this user and recent. Looks
 * the token up even when no account matches, so both cases do the same work.
 */
export async function findKnownDevice(
  db: TDb,
  token: string | null | undefined,
  userId: string | null,
  now = clockNow(),
): Promise<TKnownDevice | null> {
  if (!token || !TOKEN_PATTERN.test(token)) return null;
  const tokenHash = hashDeviceToken(token);
  const device = await db.knownDevice.findUnique({ where: { tokenHash }, select: { id: true, userId: true, lastSeenAt: true } });
  if (!device || device.userId !== userId) return null;
  if (now.getTime() - device.lastSeenAt.getTime() > KNOWN_DEVICE_DAYS * DAY_MS) return null;
  return { id: device.id, tokenHash, token };
}

/**
 * After a correct password: the token this browser should hold from now on.
 * A known device keeps its token (seen again); any other gets a new one, and
 * the user's long-unseen devices are dropped.
 */
export async function rememberDevice(db: TDb, userId: string, known: TKnownDevice | null, now = clockNow()): Promise<string> {
  if (known) {
    await db.knownDevice.update({ where: { id: known.id }, data: { lastSeenAt: now }, select: { id: true } });
    return known.token;
  }
  const token = randomSecretToken();
  await db.$transaction([
    db.knownDevice.deleteMany({ where: { userId, lastSeenAt: { lt: new Date(now.getTime() - KNOWN_DEVICE_DAYS * DAY_MS) } } }),
    db.knownDevice.create({ data: { userId, tokenHash: hashDeviceToken(token), lastSeenAt: now }, select: { id: true } }),
  ]);
  return token;
}
