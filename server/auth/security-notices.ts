// "This changed on your account": the e-mail a person gets after each change
// to how they sign in (password changed or reset, two-step sign-in on or off,
// new recovery codes, a new sign-in address), so an owner who didn't make
// the change hears of it and knows what to do.
//
// INVARIANTS
// - Sent after the change has been saved, never before: a notice about a
//   change that was rolled back would alarm for nothing. A notice that can't
//   be delivered is logged (server/mail/send.ts, without the address) and
//   never undoes the change.
// - It says what changed and when (on the person's own clock), and how to get
//   help; it never carries a password, code, token or link that acts on the
//   account by itself (the help link leads to "forgot password", which asks).
import type { TDb } from "../db/client";
import { appUrl } from "../env";
import { now as clockNow } from "../clock";
import { renderMail } from "../mail/layout";
import { sendMail } from "../mail/send";
import { formatDateTime } from "../../lib/format";

const NOTICES = {
  password_changed: { subject: "Your Alliance password was changed", what: "Your Alliance password was changed" },
  password_reset: {
    subject: "Your Alliance password was reset",
    what: "Your Alliance password was reset with a link sent to this address",
  },
  two_factor_on: { subject: "Two-step sign-in is now on for your Alliance account", what: "Two-step sign-in was turned on for your Alliance account" },
  two_factor_off: { subject: "Two-step sign-in was turned off for your Alliance account", what: "Two-step sign-in was turned off for your Alliance account" },
  recovery_codes: {
    subject: "New recovery codes for your Alliance account",
    what: "New recovery codes for two-step sign-in were made for your Alliance account, and the old ones stopped working",
  },
  email_changed: {
    subject: "Your Alliance sign-in address was changed",
    what: "The address you sign in to Alliance with was changed from this one to another",
  },
} as const;

export type TSecurityChange = keyof typeof NOTICES;

/** The subject of each notice, for tests and the README. */
export const SECURITY_NOTICE_SUBJECTS: Record<TSecurityChange, string> = Object.fromEntries(
  Object.entries(NOTICES).map(([change, notice]) => [change, notice.subject]),
) as Record<TSecurityChange, string>;

/**
 * Tells the account's owner about `change`, at their current address (or at
 * `to`, e.g. the address an e-mail change moved away from).
 */
export async function sendSecurityNotice(db: TDb, userId: string, change: TSecurityChange, options: { to?: string; at?: Date } = {}): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, name: true, timeZone: true } });
  if (!user) return;
  const notice = NOTICES[change];
  const when = formatDateTime(options.at ?? clockNow(), user.timeZone);
  await sendMail({
    to: options.to ?? user.email,
    subject: notice.subject,
    ...renderMail({
      greeting: `Hello ${user.name},`,
      paragraphs: [
        `${notice.what} on ${when}.`,
        "If this was you, there's nothing more to do.",
        "If it wasn't you, someone else may be able to sign in as you. Reset your password now with the link below: that signs out every browser that is signed in. Then open your account page, check your two-step sign-in, and turn it back on if it was turned off.",
        "If you can't get back in, contact whoever runs Alliance for your practice.",
      ],
      action: { label: "Reset my password", url: `${appUrl()}/forgot-password` },
      footer: ["Alliance sends this e-mail after every change to how you sign in. You can't switch it off."],
    }),
  });
}
