// Account rules: credential checks, password and profile changes. Called by
// next-auth's authorize() and by the account router. (A therapist's sign-up
// is server/auth/sign-up.ts.)
import type { TDb } from "../db/client";
import { AppError } from "../errors";
import type { TChangePassword, TUpdateProfile } from "../../lib/schemas/account";
import { hashPassword, verifyPassword } from "./password";
import { assertPasswordAllowed } from "./password-policy";
import { requireCurrentPassword } from "./reauth";
import { checkSignInThrottle, clearSignInFailures, recordSignInFailure, signInKeys } from "./throttle";
import { findKnownDevice, rememberDevice } from "./known-devices";
import { endAllSessionsQuery, retireResetLinksQuery } from "./other-sessions";
import { sendSecurityNotice } from "./security-notices";
import { secondStepRefusal, type TSecondStepRefusal } from "./totp";
import { SESSION_USER_SELECT, startSession, toSessionUser, type TSessionClaims, type TSessionUser } from "./session-user";
import { now as clockNow } from "../clock";

export type TCredentialResult =
  | { ok: true; claims: TSessionClaims; user: TSessionUser; deviceToken: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number }
  | { ok: false; reason: TSecondStepRefusal };

/**
 * `deviceToken`: the known-device cookie this browser sent, if any. On
 * success, `deviceToken` is the one it should keep (server/auth/known-devices.ts).
 * The same statements and one argon2 verification run whether or not the
 * e-mail has an account (a dummy hash when not).
 */
export async function checkCredentials(
  db: TDb,
  credentials: { email: string; password: string; code?: string },
  ip: string,
  deviceToken: string | null = null,
): Promise<TCredentialResult> {
  const user = await db.user.findFirst({
    where: { email: credentials.email, deactivatedAt: null },
    select: { ...SESSION_USER_SELECT, passwordHash: true },
  });
  const device = await findKnownDevice(db, deviceToken, user?.id ?? null);
  const keys = signInKeys(credentials.email, ip, device?.tokenHash ?? null);
  const throttle = await checkSignInThrottle(db, keys);
  if (throttle.isThrottled) return { ok: false, reason: "throttled", retryAfterSeconds: throttle.retryAfterSeconds };
  const isValid = await verifyPassword(user?.passwordHash ?? null, credentials.password);
  if (!user || !isValid) {
    await recordSignInFailure(db, keys);
    return { ok: false, reason: "invalid" };
  }
  await clearSignInFailures(db, keys);
  // Two-step sign-in: the code (server/auth/totp.ts) before any session exists.
  const secondStep = await secondStepRefusal(db, user.id, credentials.code);
  if (secondStep) return { ok: false, reason: secondStep };
  const { passwordHash: _omit, ...sessionRow } = user;
  // Proving who you are opens a session: its row is what the cookie names.
  const sessionId = await startSession(db, user.id);
  const keptDeviceToken = await rememberDevice(db, user.id, device);
  return {
    ok: true,
    user: toSessionUser(sessionRow),
    claims: { userId: user.id, sessionVersion: user.sessionVersion, sessionId },
    deviceToken: keptDeviceToken,
  };
}

/**
 * Changing the password bumps sessionVersion: every session ends (this
 * browser signs in again with the new one), every known browser is
 * forgotten, outstanding reset links stop working, and the owner is told by
 * e-mail.
 */
export async function changePassword(db: TDb, user: TSessionUser, input: TChangePassword): Promise<void> {
  await requireCurrentPassword(db, user.id, input.currentPassword, "currentPassword", "Your current password isn't right.");
  await assertPasswordAllowed(input.newPassword, { names: [user.name], email: user.email }, "newPassword");
  const passwordHash = await hashPassword(input.newPassword);
  const now = clockNow();
  await db.$transaction(async (tx) => {
    const updated = await tx.user.updateMany({
      where: { id: user.id, sessionVersion: user.sessionVersion },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    if (updated.count === 0) {
      throw new AppError("CONFLICT", "Your account changed in another window. Sign in again and retry.");
    }
    // The version bump already refuses them; ending the rows keeps "signed in elsewhere" true.
    await endAllSessionsQuery(tx, user.id, "revoked", now);
    await tx.knownDevice.deleteMany({ where: { userId: user.id } });
    await retireResetLinksQuery(tx, user.id, now);
  });
  await sendSecurityNotice(db, user.id, "password_changed", { at: now });
}

export async function updateProfile(db: TDb, user: TSessionUser, input: TUpdateProfile): Promise<TSessionUser> {
  return toSessionUser(await db.user.update({ where: { id: user.id }, data: input, select: SESSION_USER_SELECT }));
}

export async function deactivateUser(db: TDb, userId: string): Promise<void> {
  await db.user.update({
    where: { id: userId },
    data: { deactivatedAt: clockNow(), sessionVersion: { increment: 1 } },
  });
}
