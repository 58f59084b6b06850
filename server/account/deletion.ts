// Deleting one's own account (issue 12): the person's login and private
// writing go; what they shared within an engagement stays in that
// engagement's record, under "Former client" (or "Former therapist").
//
// INVARIANTS
// - All or nothing: every change below runs in one serializable
//   transaction, so a failure part-way leaves the account exactly as it was,
//   and a therapist cannot slip a new invitation in between the "no open
//   work" check and the deletion.
// - The users row stays as a tombstone: engagements, goals, ratings,
//   completions, agenda items, messages and audit events point at it, and sealed text
//   is bound to its id (server/crypto/sealed-fields.ts). It keeps no way in
//   (e-mail replaced by a unique undeliverable address, unusable password
//   hash, no two-factor secret, deactivated, session version bumped, every
//   session row removed) and no name.
// - Gone for a client: private journal entries, takeaways not shared with
//   the therapist, check-ins, questionnaire answers (with their flags),
//   exercise drafts they never sent, every voice memo (shared ones too: a
//   voice identifies a person; object-store bytes follow by job, and a
//   message they only spoke keeps its place, without the voice). Stays:
//   goals, ratings, homework responses, sent exercise entries, the exposure
//   ladder, agenda items, messages (written to the therapist: shared work,
//   under "Former client"), feedback, shared takeaways and shared journal
//   entries, the therapist's notes. Each of their engagements ends, so
//   nothing new is added to it.
// - Gone for anyone: their read marks of conversations (conversation_reads)
//   with the rest of their bookkeeping; the messages they wrote stay.
// - A therapist with active or invited work is refused: their clients would
//   lose a working relationship without warning. Once it has all ended, their
//   templates and private notes go too (nobody else can ever read them; the
//   assignments made from templates keep their own copy of the wording), and
//   invitations that were never accepted go with their empty engagements,
//   and their pause on messages (message_pauses, their own setting). The
//   messages they wrote stay for their former clients, under "Former therapist".
//   Their templates' exercise form versions go with them unless an
//   assignment was given one or an entry answered it: those stay, without
//   a template, so what former clients recorded stays readable.
// - The deletion's audit event is written inside the transaction: it exists
//   exactly when the deletion does, and like every audit event it outlives
//   the account.
import { Prisma } from "../db/generated/client";
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import type { TRequestMeta } from "../auth/request-meta";
import { accountThrottleWhere } from "../auth/throttle";
import { AppError } from "../errors";
import { requireCurrentPassword } from "../auth/reauth";
import { forgetOutboxMail } from "../mail/send";
import { now as clockNow } from "../clock";
import { withdrawForDeletedClient } from "../supervision/requests";
import { FORMER_CLIENT_NAME, FORMER_THERAPIST_NAME, type TDeleteAccount } from "../../lib/schemas/account-deletion";

type TTx = Prisma.TransactionClient;

/** Never a valid argon2 encoding, so no password ever matches it. */
export const UNUSABLE_PASSWORD_HASH = "!deleted";

export const WRONG_PASSWORD = "That password isn't right. Nothing was deleted.";
export const OPEN_WORK_REFUSAL =
  "You still have clients you're working with or have invited. End that work (or withdraw the invitation) on your caseload first, then come back here.";

/** A unique address that can never receive mail (.invalid is reserved, RFC 2606). */
export function tombstoneEmail(userId: string): string {
  return `deleted-${userId}@deleted.invalid`;
}

const OPEN_STATUSES = ["active", "invited"] as const;

export type TDeletionSummary =
  | { role: "client"; therapistNames: string[] }
  | { role: "therapist"; openEngagementCount: number };

/** What the account page says before anyone confirms. */
export async function getDeletionSummary(db: TDb, user: TSessionUser): Promise<TDeletionSummary> {
  if (user.role === "therapist") {
    const openEngagementCount = await db.engagement.count({
      where: { therapistId: user.id, status: { in: [...OPEN_STATUSES] } },
    });
    return { role: "therapist", openEngagementCount };
  }
  const engagements = await db.engagement.findMany({
    where: { clientId: user.id },
    orderBy: { createdAt: "asc" },
    take: 20,
    select: { therapist: { select: { name: true } } },
  });
  return { role: "client", therapistNames: [...new Set(engagements.map((row) => row.therapist.name))] };
}

export async function deleteAccount(db: TDb, user: TSessionUser, input: TDeleteAccount, meta: TRequestMeta): Promise<void> {
  // Checked before the password so a therapist learns what to do first, and
  // again inside the transaction, where it counts.
  if (user.role === "therapist") await assertNoOpenWork(db, user);
  // Outside the transaction: argon2 is deliberately slow, and holds no locks.
  await requireCurrentPassword(db, user.id, input.password, "password", WRONG_PASSWORD);
  await db.$transaction((tx) => deleteWithin(tx, user, meta), {
    isolationLevel: Prisma.TransactionIsolationLevel.Serializable,
    timeout: 30_000,
  });
  // Only once the deletion has happened: copies of e-mails to them in the outbox folder (no SMTP_URL).
  await forgetOutboxMail(user.email);
}

async function assertNoOpenWork(db: TDb | TTx, user: TSessionUser): Promise<void> {
  const open = await db.engagement.count({ where: { therapistId: user.id, status: { in: [...OPEN_STATUSES] } } });
  if (open > 0) throw new AppError("CONFLICT", OPEN_WORK_REFUSAL, { engagements: [OPEN_WORK_REFUSAL] });
}

/** Every change of a deletion, in order; the caller owns the transaction. */
async function deleteWithin(tx: TTx, user: TSessionUser, meta: TRequestMeta): Promise<void> {
  const now = clockNow();
  // The version check makes a deletion from a session that has since been
  // ended (e.g. by a password change elsewhere) fail before it changes anything.
  const self = await tx.user.findFirst({
    where: { id: user.id, sessionVersion: user.sessionVersion, deletedAt: null },
    select: { id: true },
  });
  if (!self) throw new AppError("CONFLICT", "Your account changed in another window. Sign in again and retry.");

  await tx.auditEvent.create({
    data: {
      actorId: user.id,
      actorRole: user.role,
      clientId: user.role === "client" ? user.id : null,
      action: "delete",
      recordType: "account",
      recordId: user.id,
      ip: meta.ip,
      userAgent: meta.userAgent,
    },
    select: { id: true },
  });

  if (user.role === "client") await removeClientData(tx, user, now);
  else await removeTherapistData(tx, user);
  await renameInOthersNotifications(tx, user);

  const where = { userId: user.id };
  await tx.notification.deleteMany({ where });
  await tx.notificationPreference.deleteMany({ where });
  await tx.notificationSettings.deleteMany({ where });
  await tx.reminderDelivery.deleteMany({ where });
  // How far they had read each conversation: bookkeeping, not the messages (which stay).
  await tx.conversationRead.deleteMany({ where });
  await tx.accountToken.deleteMany({ where });
  await tx.recoveryCode.deleteMany({ where });
  await tx.knownDevice.deleteMany({ where });
  await tx.pushSubscription.deleteMany({ where });
  await tx.authSession.deleteMany({ where });
  // Links e-mailed to their address (sign-up, invitations) hold it.
  await tx.emailProof.deleteMany({ where: { email: user.email } });
  // Counters keyed by the address (hashed) or the person should not outlive the account.
  await tx.authThrottle.deleteMany({ where: accountThrottleWhere(user.email, user.id) });

  // Last, so that a failure anywhere above leaves the person able to sign in.
  await tx.user.update({
    where: { id: user.id },
    data: {
      email: tombstoneEmail(user.id),
      name: user.role === "client" ? FORMER_CLIENT_NAME : FORMER_THERAPIST_NAME,
      passwordHash: UNUSABLE_PASSWORD_HASH,
      totpSecret: null,
      totpEnabledAt: null,
      totpPending: null,
      deletedAt: now,
      deactivatedAt: now,
      sessionVersion: { increment: 1 },
    },
    select: { id: true },
  });
}

async function removeClientData(tx: TTx, client: TSessionUser, now: Date): Promise<void> {
  // The work ends: read-only for the therapist from now on.
  await tx.engagement.updateMany({
    where: { clientId: client.id, status: { in: [...OPEN_STATUSES] } },
    data: { status: "ended", endedAt: now, endedById: client.id },
  });
  // The invitations they accepted carry their address and name.
  await tx.invitation.updateMany({
    where: { engagement: { clientId: client.id } },
    data: { email: tombstoneEmail(client.id), name: FORMER_CLIENT_NAME, linkSecret: "" },
  });
  await withdrawInvitationsTo(tx, client, now);
  // Nobody reads a deleted client's records under supervision: what waited or was agreed is withdrawn.
  await withdrawForDeletedClient(tx, client.id, now);
  // Shared = shared with an engagement that still exists; anything else is private.
  await tx.journalEntry.deleteMany({
    where: { clientId: client.id, NOT: { visibility: "shared", sharedEngagementId: { not: null } } },
  });
  await tx.sessionNote.deleteMany({
    where: { authorId: client.id, kind: "client_takeaway", isSharedWithTherapist: false },
  });
  await tx.checkIn.deleteMany({ where: { clientId: client.id } });
  // Self-reports like the check-ins; their urgent flags go with them (cascade).
  await tx.measureResponse.deleteMany({ where: { clientId: client.id } });
  // An exercise draft was never sent: nobody else ever read it (server/exercises/entries.ts). Sent entries are shared work.
  await tx.exerciseEntry.deleteMany({ where: { clientId: client.id, sentAt: null } });
  // Every voice memo, shared ones too: it is their voice. Postgres chunks go by
  // cascade; a trigger queues the removal of object-store bytes (server/voice/memos.ts).
  await tx.voiceMemo.deleteMany({ where: { clientId: client.id } });
}

/**
 * Invitations to this address that nobody accepted yet (from any therapist)
 * hold the address and the name a therapist typed: withdrawn, their empty
 * engagements ended (the therapist sees the invitation was withdrawn), and
 * both anonymised. A later invitation to the address starts afresh.
 */
async function withdrawInvitationsTo(tx: TTx, user: TSessionUser, now: Date): Promise<void> {
  const pending = await tx.invitation.findMany({ where: { email: user.email, acceptedAt: null }, select: { id: true, engagementId: true } });
  if (pending.length === 0) return;
  await tx.engagement.updateMany({
    where: { id: { in: pending.map((row) => row.engagementId) }, status: "invited", clientId: null },
    data: { status: "ended", endedAt: now },
  });
  await tx.invitation.updateMany({
    where: { id: { in: pending.map((row) => row.id) } },
    data: { email: tombstoneEmail(user.id), name: FORMER_CLIENT_NAME, revokedAt: now, linkSecret: "" },
  });
}

/**
 * The other party's notifications about shared work name this person ("Juno
 * Park added to the agenda…"): they say "Former client" (or "Former
 * therapist") from now on, like every page.
 */
async function renameInOthersNotifications(tx: TTx, user: TSessionUser): Promise<void> {
  if (user.name === "") return;
  const formerName = user.role === "client" ? FORMER_CLIENT_NAME : FORMER_THERAPIST_NAME;
  if (user.role === "client") {
    await tx.$executeRaw`
      UPDATE notifications SET title = replace(title, ${user.name}, ${formerName})
      WHERE user_id <> ${user.id}::uuid
        AND engagement_id IN (SELECT id FROM engagements WHERE client_id = ${user.id}::uuid)`;
  } else {
    await tx.$executeRaw`
      UPDATE notifications SET title = replace(title, ${user.name}, ${formerName})
      WHERE user_id <> ${user.id}::uuid
        AND engagement_id IN (SELECT id FROM engagements WHERE therapist_id = ${user.id}::uuid)`;
  }
}

async function removeTherapistData(tx: TTx, therapist: TSessionUser): Promise<void> {
  await assertNoOpenWork(tx, therapist);
  // Form versions nothing was given or answered go first; the rest outlive their template (template_id set null).
  await tx.exerciseForm.deleteMany({ where: { template: { ownerId: therapist.id }, assignments: { none: {} }, entries: { none: {} } } });
  await tx.homeworkTemplate.deleteMany({ where: { ownerId: therapist.id } });
  await tx.sessionNote.deleteMany({ where: { authorId: therapist.id, kind: "therapist_private" } });
  // Off-track reviews are their private working notes, like the private session note.
  await tx.offTrackReview.deleteMany({ where: { authorId: therapist.id } });
  // Their holiday notice is their own setting; the users row stays as a tombstone, so no cascade takes it.
  await tx.messagePause.deleteMany({ where: { therapistId: therapist.id } });
  // Never accepted: nobody else's record is in them (writes need an active engagement).
  await tx.engagement.deleteMany({ where: { therapistId: therapist.id, clientId: null } });
}
