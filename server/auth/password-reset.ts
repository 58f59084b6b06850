// Forgotten password (docs/security-and-privacy.md, S7–S8).
//
// INVARIANTS
// - Asking answers the same words, at the same speed, whether or not the
//   address has an account: the request only counts the throttles and hands
//   the rest (look-up, token, e-mail) to work that runs after the answer.
// - A token is 32 random bytes (base64url), e-mailed once and stored only as
//   its sha256, for one account and one purpose (password_reset). It works
//   once, for RESET_TTL_MINUTES on the app's clock; asking again retires the
//   older unused ones. Claiming it is a conditional update in the same
//   transaction as the new password, so two submits cannot both succeed.
// - It is bound to the address it was sent to (kept in new_email, which for
//   this purpose means "sent to"): once the account's address changes, a link
//   that went to the old one no longer works.
// - A reset ends every session of the account (version bump and the rows),
//   forgets its known devices (whoever knew the old password may hold one)
//   and clears its sign-in throttles: the person just proved they own the
//   address, so they can sign in at once, even while someone guesses.
// - The link carries the token in its fragment (/reset-password#<token>):
//   browsers never send a fragment to a server, so it stays out of access
//   logs, proxies and Referer headers; the page reads it and clears it from
//   the address bar. Logs carry no address, link or token.
import type { TDb } from "../db/client";
import { AppError } from "../errors";
import { appUrl } from "../env";
import { afterAnswer } from "../after-answer";
import { now as clockNow } from "../clock";
import { deliverMail } from "../mail/send";
import { renderMail } from "../mail/layout";
import { recordAudit } from "../audit/record";
import type { TRequestMeta } from "./request-meta";
import { hashPassword } from "./password";
import { assertPasswordAllowed } from "./password-policy";
import { hashSecretToken, newSecretToken } from "../crypto/secret-token";
import { accountThrottleWhere, isResetRequestLimited, THROTTLE_WINDOW_MINUTES } from "./throttle";
import { endAllSessionsQuery, retireResetLinksQuery } from "./other-sessions";
import { sendSecurityNotice } from "./security-notices";
import { RESET_LINK_DEAD_MESSAGE, type TResetPassword } from "../../lib/schemas/password-reset";

export const RESET_TTL_MINUTES = 60;

export const newResetToken = newSecretToken;
export const hashResetToken = hashSecretToken;

export function resetUrl(token: string): string {
  return `${appUrl()}/reset-password#${token}`;
}


/** Counts the throttles, then answers; the link (if any) is made and sent afterwards. */
export async function requestPasswordReset(db: TDb, email: string, ip: string): Promise<void> {
  if (await isResetRequestLimited(db, email, ip)) {
    throw new AppError("TOO_MANY_REQUESTS", `Too many requests. Please wait ${THROTTLE_WINDOW_MINUTES} minutes and try again.`);
  }
  afterAnswer("password-reset", () => issueResetLink(db, email));
}

async function issueResetLink(db: TDb, email: string, now = clockNow()): Promise<void> {
  const { token, tokenHash } = newResetToken();
  const user = await db.user.findFirst({
    where: { email, deactivatedAt: null, deletedAt: null },
    select: { id: true, name: true, email: true },
  });
  if (!user) return;
  await db.$transaction([
    db.accountToken.updateMany({
      where: { userId: user.id, purpose: "password_reset", usedAt: null },
      data: { usedAt: now },
    }),
    db.accountToken.create({
      data: {
        userId: user.id,
        purpose: "password_reset",
        tokenHash,
        newEmail: user.email,
        createdAt: now,
        expiresAt: new Date(now.getTime() + RESET_TTL_MINUTES * 60_000),
      },
      select: { id: true },
    }),
  ]);
  const content = renderMail({
    greeting: `Hello ${user.name},`,
    paragraphs: [
      "Someone, hopefully you, asked to reset the password of your Alliance account.",
      "The link below works once, for one hour. If you didn't ask, you can ignore this e-mail: your password stays as it is.",
    ],
    action: { label: "Choose a new password", url: resetUrl(token) },
  });
  await deliverMail({ to: user.email, subject: "Reset your Alliance password", ...content });
}

/** The reset a token stands for, if it still works: unused, unexpired, its account active and still at the address it went to. */
async function findUsableReset(db: TDb, token: string, now: Date) {
  const found = await db.accountToken.findFirst({
    where: {
      tokenHash: hashResetToken(token),
      purpose: "password_reset",
      usedAt: null,
      expiresAt: { gt: now },
      user: { deactivatedAt: null, deletedAt: null },
    },
    select: { id: true, userId: true, newEmail: true, user: { select: { email: true, name: true, role: true } } },
  });
  return found && found.newEmail === found.user.email ? found : null;
}

/** Whether a link still works (for the page, before the person types a password). */
export async function isResetTokenUsable(db: TDb, token: string, now = clockNow()): Promise<boolean> {
  return (await findUsableReset(db, token, now)) !== null;
}

/** Sets the new password; returns the account's address so the page can sign the person in. */
export async function resetPassword(db: TDb, input: TResetPassword, meta: TRequestMeta, now = clockNow()): Promise<{ email: string }> {
  const dead = () => new AppError("NOT_FOUND", RESET_LINK_DEAD_MESSAGE);
  const found = await findUsableReset(db, input.token, now);
  if (!found) throw dead();
  await assertPasswordAllowed(input.newPassword, { names: [found.user.name], email: found.user.email }, "newPassword");
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    const claimed = await tx.accountToken.updateMany({
      where: { id: found.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count === 0) throw dead();
    // Conditional on the address, so an e-mail change racing this reset wins.
    const changed = await tx.user.updateMany({
      where: { id: found.userId, email: found.user.email, deactivatedAt: null, deletedAt: null },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    if (changed.count === 0) throw dead();
    await retireResetLinksQuery(tx, found.userId, now);
    await endAllSessionsQuery(tx, found.userId, "revoked", now);
    await tx.knownDevice.deleteMany({ where: { userId: found.userId } });
    // Sign-in counters of the address (not the two-step code's: a reset proves the inbox, not the phone).
    await tx.authThrottle.deleteMany({ where: accountThrottleWhere(found.user.email) });
  });
  await sendSecurityNotice(db, found.userId, "password_reset", { at: now });
  await recordAudit(db, { id: found.userId, role: found.user.role }, meta, {
    action: "reset_password",
    recordType: "user",
    recordId: found.userId,
  });
  return { email: found.user.email };
}
