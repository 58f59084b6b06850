// Changing one's sign-in e-mail (issue 12).
//
// INVARIANTS
// - Asking needs the current password. Nothing about the account changes
//   until the link sent to the NEW address is opened and confirmed: that
//   proves the person controls it. The OLD address is told a change was
//   asked, without the link, so an owner who didn't ask hears of it.
// - The answer to the asker is the same whether or not the new address
//   already has an account (no enumeration): when it does, the new address
//   is told instead, and no link exists.
// - A token is 32 random bytes plus the account's session version at the
//   time, stored only as the sha256 of the whole, for one account and the
//   purpose email_change with its new_email. It works once, for
//   EMAIL_CHANGE_TTL_HOURS on the app's clock; asking again retires older
//   ones; a password change, reset or deactivation since (each bumps the
//   session version) retires it too, so "change your password" really stops
//   a change someone else asked for.
// - Confirming claims the token with a conditional update in the same
//   transaction as the new address, and re-checks that the address is still
//   free (the unique index has the last word), so two confirmations cannot
//   both succeed and nothing is half-done.
// - Sessions are left alone: what a session proves is the password, which
//   has not changed, and the person often confirms on another device (the
//   phone that got the e-mail) than the one that asked. Once confirmed, the
//   old address gets a notice that the change happened
//   (server/auth/security-notices.ts).
// - The link carries the token in its fragment (/confirm-email#<token>), so
//   it stays out of server logs and Referer headers; opening the page
//   changes nothing (mail scanners open links), its button does.
import { hashSecretToken, randomSecretToken } from "../crypto/secret-token";
import { Prisma } from "../db/generated/client";
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import type { TRequestMeta } from "../auth/request-meta";
import { recordAudit } from "../audit/record";
import { AppError } from "../errors";
import { appUrl } from "../env";
import { now as clockNow } from "../clock";
import { deliverMail } from "../mail/send";
import { renderMail } from "../mail/layout";
import { requireCurrentPassword } from "../auth/reauth";
import { sendSecurityNotice } from "../auth/security-notices";
import {
  EMAIL_CHANGE_LINK_DEAD,
  type TConfirmEmailChange,
  type TRequestEmailChange,
} from "../../lib/schemas/email-change";

export const EMAIL_CHANGE_TTL_HOURS = 24;

export const EMAIL_CHANGE_WRONG_PASSWORD = "Your current password isn't right.";
export const EMAIL_CHANGE_SAME_ADDRESS = "That's already your address.";
export const EMAIL_CHANGE_UNAVAILABLE = "That address can't be used for your account, so nothing was changed.";

export const hashEmailChangeToken = hashSecretToken;

export function newEmailChangeToken(sessionVersion: number): { token: string; tokenHash: string } {
  const token = `${randomSecretToken()}.${sessionVersion}`;
  return { token, tokenHash: hashEmailChangeToken(token) };
}

export function emailChangeUrl(token: string): string {
  return `${appUrl()}/confirm-email#${token}`;
}

/** Sends the link (or, for a taken address, a notice) and tells the old address. Same answer either way. */
export async function requestEmailChange(db: TDb, user: TSessionUser, input: TRequestEmailChange, meta: TRequestMeta): Promise<void> {
  await requireCurrentPassword(db, user.id, input.currentPassword, "currentPassword", EMAIL_CHANGE_WRONG_PASSWORD);
  const current = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { email: true } });
  if (input.newEmail === current.email) {
    throw new AppError("BAD_REQUEST", EMAIL_CHANGE_SAME_ADDRESS, { newEmail: [EMAIL_CHANGE_SAME_ADDRESS] });
  }
  const isTaken = (await db.user.count({ where: { email: input.newEmail } })) > 0;
  const now = clockNow();
  if (isTaken) {
    await deliverMail({ to: input.newEmail, subject: "Someone tried to use this address on Alliance", ...takenNotice() });
  } else {
    const { token, tokenHash } = newEmailChangeToken(user.sessionVersion);
    await db.$transaction([
      db.accountToken.updateMany({ where: { userId: user.id, purpose: "email_change", usedAt: null }, data: { usedAt: now } }),
      db.accountToken.create({
        data: {
          userId: user.id,
          purpose: "email_change",
          tokenHash,
          newEmail: input.newEmail,
          createdAt: now,
          expiresAt: new Date(now.getTime() + EMAIL_CHANGE_TTL_HOURS * 3_600_000),
        },
        select: { id: true },
      }),
    ]);
    await deliverMail({ to: input.newEmail, subject: "Confirm your new address for Alliance", ...confirmMail(user.name, token) });
  }
  await deliverMail({ to: current.email, subject: "A change of your Alliance e-mail was asked", ...oldAddressNotice(user.name, input.newEmail) });
  await recordAudit(db, user, meta, { action: "create", recordType: "email_change_request", recordId: user.id });
}

/** Makes the change the link stands for; returns the new address. */
export async function confirmEmailChange(db: TDb, input: TConfirmEmailChange, meta: TRequestMeta): Promise<{ email: string }> {
  const now = clockNow();
  const dead = () => new AppError("NOT_FOUND", EMAIL_CHANGE_LINK_DEAD);
  const dot = input.token.lastIndexOf(".");
  if (dot < 0) throw dead();
  const version = Number(input.token.slice(dot + 1));
  const found = await db.accountToken.findFirst({
    where: {
      tokenHash: hashEmailChangeToken(input.token),
      purpose: "email_change",
      usedAt: null,
      expiresAt: { gt: now },
      newEmail: { not: null },
      user: { deactivatedAt: null, deletedAt: null, sessionVersion: version },
    },
    select: { id: true, userId: true, newEmail: true, user: { select: { role: true, email: true } } },
  });
  if (!found?.newEmail) throw dead();
  const newEmail = found.newEmail;
  try {
    await db.$transaction(async (tx) => {
      const claimed = await tx.accountToken.updateMany({
        where: { id: found.id, usedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      if (claimed.count === 0) throw dead();
      const isTaken = (await tx.user.count({ where: { email: newEmail, id: { not: found.userId } } })) > 0;
      if (isTaken) throw new AppError("CONFLICT", EMAIL_CHANGE_UNAVAILABLE);
      // The version again, so a password change racing this confirmation wins.
      const changed = await tx.user.updateMany({
        where: { id: found.userId, sessionVersion: version, deactivatedAt: null, deletedAt: null },
        data: { email: newEmail },
      });
      if (changed.count === 0) throw dead();
      await tx.accountToken.updateMany({
        where: { userId: found.userId, purpose: "email_change", usedAt: null },
        data: { usedAt: now },
      });
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", EMAIL_CHANGE_UNAVAILABLE);
    }
    throw error;
  }
  // The address it moved away from hears of it: an owner who didn't ask still can act.
  await sendSecurityNotice(db, found.userId, "email_changed", { to: found.user.email, at: now });
  await recordAudit(db, { id: found.userId, role: found.user.role }, meta, {
    action: "update",
    recordType: "user_email",
    recordId: found.userId,
  });
  return { email: newEmail };
}

function confirmMail(name: string, token: string) {
  return renderMail({
    greeting: `Hello ${name},`,
    paragraphs: [
      "You asked to use this address to sign in to Alliance. Open the link below and confirm, and it will be your new sign-in address.",
      `The link works once, for ${EMAIL_CHANGE_TTL_HOURS} hours. If you didn't ask, you can ignore this e-mail: nothing changes.`,
    ],
    action: { label: "Confirm my new address", url: emailChangeUrl(token) },
  });
}

function oldAddressNotice(name: string, newEmail: string) {
  return renderMail({
    greeting: `Hello ${name},`,
    paragraphs: [
      `Someone signed in to your Alliance account asked to change its e-mail address to ${newEmail}. Nothing changes unless that address confirms.`,
      "If it was you, there's nothing to do here. If it wasn't, sign in and change your password: that also cancels the change.",
    ],
  });
}

function takenNotice() {
  return renderMail({
    paragraphs: [
      "Someone asked to move an Alliance account to this address, but this address already has an account, so nothing was changed.",
      "If it was you, sign in with this address instead. If it wasn't, you can ignore this e-mail.",
    ],
  });
}
