// The invitation e-mails: the therapist's invitation, and a fresh link with a
// proof when the invitee asks for one (server/invitations/invitations.ts).
//
// INVARIANTS
// - Neither is sent inside a request or its transaction. The change that
//   causes one queues an `invitation_email` job in the same transaction
//   (server/jobs/queue.ts); the worker sends it after the commit and retries
//   with back-off while the mail server refuses or is down. A slow or broken
//   mail server never holds a database connection, never undoes a created
//   invitation, and never tells an invitee's address apart by timing.
// - The job's payload holds ids only. The link's token waits on the
//   invitation, sealed like clinical text (`link_secret`,
//   server/crypto/sealed-fields.ts: rotated with the key, never in a dump in
//   the clear), and is emptied once the invitation is accepted or withdrawn;
//   its hash is what opens the invitation. The proof of the inbox that the
//   e-mailed link carries is made when the e-mail goes.
// - At run time the job re-reads the invitation and sends nothing when it
//   was withdrawn, accepted or expired meanwhile, or is gone (its therapist
//   deleted their account). A resend replaces the token, so a job queued
//   before it sends the newest link, once (the job key).
import type { Prisma } from "../db/generated/client";
import type { TDb } from "../db/client";
import { getEnv } from "../env";
import { deliverMail } from "../mail/send";
import { renderMail } from "../mail/layout";
import { enqueue, type TJobPayloads } from "../jobs/queue";
import { openField, sealField } from "../crypto/sealed-fields";
import { issueEmailProof } from "../auth/email-proofs";
import { formatDate } from "../../lib/format";
import { now as clockNow } from "../clock";
import { hashInvitationToken } from "./tokens";
import { provedInviteUrl } from "./links";

export type TInvitationMailKind = TJobPayloads["invitation_email"]["kind"];

/** What the therapist is told about the e-mail: it is on its way, or this server keeps mail in its outbox folder. */
export type TInvitationDelivery = "queued" | "outbox";

/** The token as the invitation keeps it for its e-mail job. */
export function sealLinkSecret(invitationId: string, token: string): string {
  return sealField("invitationLinkSecret", { invitationId }, token);
}

/** Queues the e-mail in the caller's transaction: it exists only if the invitation change commits. */
export async function queueInvitationMail(
  tx: TDb | Prisma.TransactionClient,
  invitationId: string,
  kind: TInvitationMailKind,
): Promise<TInvitationDelivery> {
  // One pending e-mail per invitation and kind: a resend before the first went replaces it.
  await enqueue(tx, "invitation_email", { invitationId, kind }, { jobKey: `invitation-email:${kind}:${invitationId}` });
  return getEnv().SMTP_URL ? "queued" : "outbox";
}

/** The job: sends the e-mail if its link still stands; throws while the mail server refuses (the queue retries). */
export async function sendInvitationMail(db: TDb, payload: TJobPayloads["invitation_email"], now = clockNow()): Promise<void> {
  const invitation = await db.invitation.findUnique({
    where: { id: payload.invitationId },
    select: {
      email: true,
      name: true,
      tokenHash: true,
      linkSecret: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      therapist: { select: { name: true, timeZone: true } },
    },
  });
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= now || invitation.linkSecret === "") return;
  const token = openField("invitationLinkSecret", { invitationId: payload.invitationId }, invitation.linkSecret);
  if (hashInvitationToken(token) !== invitation.tokenHash) return;
  // Each attempt its own proof: one a refused attempt made is never mailed, and expires with the invitation.
  const proof = await issueEmailProof(db, { purpose: "invitation", email: invitation.email, invitationId: payload.invitationId, expiresAt: invitation.expiresAt }, now);
  const url = provedInviteUrl(token, proof);
  const content =
    payload.kind === "invitation"
      ? renderMail({
          greeting: `Hello ${invitation.name},`,
          paragraphs: [
            `${invitation.therapist.name} has invited you to Alliance, a private space for the work you do together between sessions.`,
          ],
          action: { label: "Open this link to set up your account", url },
          footer: [
            `The link works once and until ${formatDate(invitation.expiresAt, invitation.therapist.timeZone)}.`,
            "If you weren't expecting this, you can ignore this e-mail.",
          ],
        })
      : renderMail({
          greeting: `Hello ${invitation.name},`,
          paragraphs: [
            `Here is the link you asked for, to carry on with ${invitation.therapist.name}'s invitation to Alliance.`,
            "If you didn't ask for it, you can ignore this e-mail.",
          ],
          action: { label: "Open Alliance", url },
        });
  const subject = payload.kind === "invitation" ? `${invitation.therapist.name} invited you to Alliance` : "Your link to Alliance";
  await deliverMail({ to: invitation.email, subject, ...content });
}
