// Account rules: therapist sign-up, credential checks, password and profile
// changes. Called by next-auth's authorize() and by the account router.
import { Prisma } from "../db/generated/client";
import type { TDb } from "../db/client";
import { AppError } from "../errors";
import type { TChangePassword, TSignUp, TUpdateProfile } from "../../lib/schemas/account";
import { hashPassword, verifyPassword } from "./password";
import { clearAccountFailures, isSignUpLimited, isThrottled, recordFailure, throttleKeys } from "./throttle";
import { SESSION_USER_SELECT, type TSessionClaims, type TSessionUser } from "./session-user";

// Deliberately the same words whether or not the e-mail has an account.
export const SIGN_UP_REFUSED =
  "We couldn't create an account with those details. If you already use Alliance, sign in instead.";

export async function signUpTherapist(db: TDb, input: TSignUp, ip: string): Promise<{ userId: string }> {
  if (await isSignUpLimited(db, ip)) {
    throw new AppError("TOO_MANY_REQUESTS", "Too many sign-ups from this network. Please wait 15 minutes and try again.");
  }
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.user.create({
      data: { email: input.email, name: input.name, role: "therapist", timeZone: input.timeZone, passwordHash },
      select: { id: true },
    });
    return { userId: user.id };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", SIGN_UP_REFUSED);
    }
    throw error;
  }
}

export type TCredentialResult =
  | { ok: true; claims: TSessionClaims; user: TSessionUser }
  | { ok: false; reason: "invalid" | "throttled" };

export async function checkCredentials(
  db: TDb,
  credentials: { email: string; password: string },
  ip: string,
): Promise<TCredentialResult> {
  const keys = throttleKeys(credentials.email, ip);
  if (await isThrottled(db, keys)) return { ok: false, reason: "throttled" };
  const user = await db.user.findFirst({
    where: { email: credentials.email, deactivatedAt: null },
    select: { ...SESSION_USER_SELECT, passwordHash: true },
  });
  const isValid = await verifyPassword(user?.passwordHash ?? null, credentials.password);
  if (!user || !isValid) {
    await recordFailure(db, keys);
    return { ok: false, reason: "invalid" };
  }
  await clearAccountFailures(db, keys);
  const { passwordHash: _omit, ...sessionUser } = user;
  return { ok: true, user: sessionUser, claims: { userId: user.id, sessionVersion: user.sessionVersion } };
}

/** Changing the password bumps sessionVersion: every other session ends. */
export async function changePassword(db: TDb, user: TSessionUser, input: TChangePassword): Promise<void> {
  const current = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(current.passwordHash, input.currentPassword))) {
    throw new AppError("BAD_REQUEST", "Your current password isn't right.", {
      currentPassword: ["Your current password isn't right."],
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  const updated = await db.user.updateMany({
    where: { id: user.id, sessionVersion: user.sessionVersion },
    data: { passwordHash, sessionVersion: { increment: 1 } },
  });
  if (updated.count === 0) {
    throw new AppError("CONFLICT", "Your account changed in another window. Sign in again and retry.");
  }
}

export async function updateProfile(db: TDb, user: TSessionUser, input: TUpdateProfile): Promise<TSessionUser> {
  return db.user.update({ where: { id: user.id }, data: input, select: SESSION_USER_SELECT });
}

export async function deactivateUser(db: TDb, userId: string): Promise<void> {
  await db.user.update({
    where: { id: userId },
    data: { deactivatedAt: new Date(), sessionVersion: { increment: 1 } },
  });
}
