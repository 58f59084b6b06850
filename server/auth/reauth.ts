// Re-entering the password while signed in, before something that matters:
// changing the password or the e-mail, turning two-step sign-in off,
// deleting the account. Throttled per person (server/auth/throttle.ts), so
// someone holding a signed-in browser cannot guess the password there.
import type { TDb } from "../db/client";
import { AppError } from "../errors";
import { verifyPassword } from "./password";
import { isReauthLimited, recordReauthFailure, THROTTLE_WINDOW_MINUTES } from "./throttle";

export const REAUTH_THROTTLED = `Too many tries. Please wait ${THROTTLE_WINDOW_MINUTES} minutes and try again.`;

/**
 * Passes when `password` is this person's; otherwise throws a field error on
 * `field` with `wrongMessage`, or, after too many wrong tries, the throttled
 * message on the same field (without checking the password).
 */
export async function requireCurrentPassword(
  db: TDb,
  userId: string,
  password: string,
  field: string,
  wrongMessage: string,
): Promise<void> {
  if (await isReauthLimited(db, userId)) {
    throw new AppError("TOO_MANY_REQUESTS", REAUTH_THROTTLED, { [field]: [REAUTH_THROTTLED] });
  }
  const row = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (await verifyPassword(row.passwordHash, password)) return;
  await recordReauthFailure(db, userId);
  throw new AppError("BAD_REQUEST", wrongMessage, { [field]: [wrongMessage] });
}
