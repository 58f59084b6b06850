// Inviting colleagues into a practice (issue 29), and a colleague joining.
//
// INVARIANTS
// - Only an owner or admin invites, withdraws and lists; the owner's role is
//   never invitable. An invitation is bound to one address and one role; it
//   can be used once, before it expires, unless it was withdrawn; using it
//   is a conditional update, so two simultaneous joins cannot both succeed.
// - The link's token exists only in the e-mail: the database keeps its
//   SHA-256, and the token sealed (practiceInvitationLinkSecret) until the
//   e-mail job (server/jobs/tasks/practice-invitation-email.ts) has read it
//   after the commit; it is emptied once used or withdrawn. Nobody is shown
//   the link on a screen, so whoever holds it reads the invited inbox.
// - Joining makes a new therapist account with that role, or moves an
//   existing therapist who is alone (a practice of one with no clients, no
//   colleagues): their old solo row, if any, is left (leftAt). Anyone else is
//   refused in plain words, and nothing changes.
import { Prisma } from "../db/generated/client";
import type { TDb } from "../db/client";
import type { PracticeRole } from "../db/generated/enums";
import type { TSessionUser } from "../auth/session-user";
import type { TRequestMeta } from "../auth/request-meta";
import { AppError } from "../errors";
import { now as clockNow } from "../clock";
import { hashPassword } from "../auth/password";
import { assertPasswordAllowed } from "../auth/password-policy";
import { hashSecretToken, newSecretToken } from "../crypto/secret-token";
import { openField, sealField } from "../crypto/sealed-fields";
import { newRowId } from "../db/ids";
import { enqueue } from "../jobs/queue";
import { appUrl, getEnv } from "../env";
import { deliverMail } from "../mail/send";
import { renderMail } from "../mail/layout";
import { recordAudit } from "../audit/record";
import { notify } from "../notifications/notify";
import { formatDate } from "../../lib/format";
import { ROLE_LABELS, type TInviteColleague, type TJoinAsNew } from "../../lib/schemas/practice";
import { ensurePractice, requireRunsPractice } from "./practices";

export const PRACTICE_INVITATION_TTL_DAYS = 7;

export type TPracticeInvitationDelivery = "queued" | "outbox";

/** The joining page: /join#<token> (the fragment never reaches a server log). */
export function joinUrl(token: string): string {
  return `${appUrl()}/join#${token}`;
}

function sealSecret(invitationId: string, token: string): string {
  return sealField("practiceInvitationLinkSecret", { invitationId }, token);
}

/** Invites a colleague by e-mail with a role; the e-mail goes after the commit. */
export async function inviteColleague(
  db: TDb,
  user: TSessionUser,
  input: TInviteColleague,
  now = clockNow(),
): Promise<{ invitationId: string; practiceId: string; expiresAt: Date; delivery: TPracticeInvitationDelivery }> {
  await requireRunsPractice(db, user);
  return db.$transaction(async (tx) => {
    const { practiceId } = await ensurePractice(tx, user, now);
    const isMember = await tx.practiceMember.findFirst({ where: { practiceId, leftAt: null, user: { email: input.email } }, select: { id: true } });
    if (isMember) throw new AppError("CONFLICT", "They're already in the practice.", { email: ["They're already in the practice."] });
    const waiting = await tx.practiceInvitation.findFirst({
      where: { practiceId, email: input.email, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      select: { id: true },
    });
    if (waiting) {
      const message = "You've already invited this address. Withdraw that invitation first to send a new one.";
      throw new AppError("CONFLICT", message, { email: [message] });
    }
    const { token, tokenHash } = newSecretToken();
    const invitationId = newRowId();
    const expiresAt = new Date(now.getTime() + PRACTICE_INVITATION_TTL_DAYS * 86_400_000);
    await tx.practiceInvitation.create({
      data: {
        id: invitationId,
        practiceId,
        invitedById: user.id,
        email: input.email,
        name: input.name,
        role: input.role,
        tokenHash,
        linkSecret: sealSecret(invitationId, token),
        expiresAt,
        createdAt: now,
      },
      select: { id: true },
    });
    await enqueue(tx, "practice_invitation_email", { invitationId }, { jobKey: `practice-invitation-email:${invitationId}` });
    return { invitationId, practiceId, expiresAt, delivery: getEnv().SMTP_URL ? "queued" : "outbox" };
  });
}

/** Withdraws a waiting invitation of the caller's practice: its link stops working. */
export async function withdrawColleagueInvitation(db: TDb, user: TSessionUser, invitationId: string, now = clockNow()): Promise<{ invitationId: string }> {
  const place = await requireRunsPractice(db, user);
  const withdrawn = place.practiceId
    ? await db.practiceInvitation.updateMany({
        where: { id: invitationId, practiceId: place.practiceId, acceptedAt: null, revokedAt: null },
        data: { revokedAt: now, linkSecret: "" },
      })
    : { count: 0 };
  if (withdrawn.count !== 1) throw new AppError("NOT_FOUND", "That invitation has already been used or withdrawn.");
  return { invitationId };
}

/** The e-mail job: sends the invitation if its link still stands; throws while the mail server refuses (the queue retries). */
export async function sendColleagueInvitationMail(db: TDb, invitationId: string, now = clockNow()): Promise<void> {
  const invitation = await db.practiceInvitation.findUnique({
    where: { id: invitationId },
    select: {
      email: true,
      name: true,
      role: true,
      tokenHash: true,
      linkSecret: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      practice: { select: { name: true } },
      invitedBy: { select: { name: true, timeZone: true } },
    },
  });
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= now || invitation.linkSecret === "") return;
  const token = openField("practiceInvitationLinkSecret", { invitationId }, invitation.linkSecret);
  if (hashSecretToken(token) !== invitation.tokenHash) return;
  const role = ROLE_LABELS[invitation.role].toLowerCase();
  const content = renderMail({
    greeting: `Hello ${invitation.name},`,
    paragraphs: [
      `${invitation.invitedBy.name} has invited you to join ${invitation.practice.name} on Alliance, as ${role === "admin" ? "an" : "a"} ${role}.`,
      "Alliance is where therapists and their clients keep working together between sessions.",
    ],
    action: { label: "Open this link to join", url: joinUrl(token) },
    footer: [
      `The link works once and until ${formatDate(invitation.expiresAt, invitation.invitedBy.timeZone)}.`,
      "If you weren't expecting this, you can ignore this e-mail.",
    ],
  });
  await deliverMail({ to: invitation.email, subject: `${invitation.invitedBy.name} invited you to join ${invitation.practice.name}`, ...content });
}

// --- The invitee's side -----------------------------------------------------------

export type TJoinCheck =
  | { isUsable: false; reason: string }
  | {
      isUsable: true;
      practiceName: string;
      inviterName: string;
      inviteeName: string;
      role: PracticeRole;
      email: string;
      /** Whether the address has an account: the link's holder reads its inbox, so they may know. */
      hasAccount: boolean;
    };

const INVITATION_SELECT = {
  id: true,
  practiceId: true,
  email: true,
  name: true,
  role: true,
  expiresAt: true,
  acceptedAt: true,
  revokedAt: true,
  invitedById: true,
  practice: { select: { name: true } },
  invitedBy: { select: { name: true } },
} as const;

type TInvitationRow = Prisma.PracticeInvitationGetPayload<{ select: typeof INVITATION_SELECT }>;

const UNUSABLE = {
  invalid: "This link isn't valid. Ask whoever invited you to send a new one.",
  expired: "This invitation has expired. Ask whoever invited you to send a new one.",
  accepted: "This invitation has already been used. Sign in instead.",
  withdrawn: "This invitation was withdrawn. Ask whoever invited you if you think that's a mistake.",
} as const;

function refusalOf(invitation: TInvitationRow | null, now: Date): string | null {
  if (!invitation) return UNUSABLE.invalid;
  if (invitation.acceptedAt) return UNUSABLE.accepted;
  if (invitation.revokedAt) return UNUSABLE.withdrawn;
  if (invitation.expiresAt <= now) return UNUSABLE.expired;
  return null;
}

function findByToken(db: Pick<TDb, "practiceInvitation">, token: string) {
  return db.practiceInvitation.findUnique({ where: { tokenHash: hashSecretToken(token) }, select: INVITATION_SELECT });
}

async function usableInvitation(db: Pick<TDb, "practiceInvitation">, token: string, now: Date): Promise<TInvitationRow> {
  const invitation = await findByToken(db, token);
  const refusal = refusalOf(invitation, now);
  if (refusal || !invitation) throw new AppError("BAD_REQUEST", refusal ?? UNUSABLE.invalid);
  return invitation;
}

/** What the joining page shows for a link. */
export async function checkJoinLink(db: TDb, token: string, now = clockNow()): Promise<TJoinCheck> {
  const invitation = await findByToken(db, token);
  const refusal = refusalOf(invitation, now);
  if (refusal || !invitation) return { isUsable: false, reason: refusal ?? UNUSABLE.invalid };
  const account = await db.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
  return {
    isUsable: true,
    practiceName: invitation.practice.name,
    inviterName: invitation.invitedBy.name,
    inviteeName: invitation.name,
    role: invitation.role,
    email: invitation.email,
    hasAccount: account !== null,
  };
}

/** Marks the invitation used and adds the member, or throws: one of two racing joins wins. */
async function claim(tx: Prisma.TransactionClient, invitation: TInvitationRow, userId: string, now: Date): Promise<{ memberId: string }> {
  const claimed = await tx.practiceInvitation.updateMany({
    where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { acceptedAt: now, linkSecret: "" },
  });
  if (claimed.count !== 1) throw new AppError("CONFLICT", UNUSABLE.accepted);
  // Someone who left this practice once comes back on their old row.
  const member = await tx.practiceMember.upsert({
    where: { practiceId_userId: { practiceId: invitation.practiceId, userId } },
    create: { practiceId: invitation.practiceId, userId, role: invitation.role, joinedAt: now },
    update: { role: invitation.role, joinedAt: now, leftAt: null },
    select: { id: true },
  });
  await notify(tx, {
    userId: invitation.invitedById,
    kind: "invitation_accepted",
    title: `${invitation.name} joined the practice`,
    linkPath: "/practice",
    engagementId: null,
  });
  return { memberId: member.id };
}

const HAS_ACCOUNT = "There's already an account for this address. Sign in with it, then open the link again.";

/** A new person joins through the link: a therapist account with the invitation's role. */
export async function joinAsNew(db: TDb, input: TJoinAsNew, meta: TRequestMeta, now = clockNow()): Promise<{ email: string; practiceId: string }> {
  const invited = await findByToken(db, input.token);
  if (invited) await assertPasswordAllowed(input.password, { names: [input.name, invited.name], email: invited.email }, "password");
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const invitation = await usableInvitation(tx, input.token, now);
      if (await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } })) throw new AppError("CONFLICT", HAS_ACCOUNT);
      const user = await tx.user.create({
        data: { email: invitation.email, name: input.name, role: "therapist", timeZone: input.timeZone, passwordHash },
        select: { id: true },
      });
      const { memberId } = await claim(tx, invitation, user.id, now);
      // The new colleague's own act, recorded with it (no one was signed in to record it for).
      await recordAudit(tx, { id: user.id, role: "therapist" }, meta, { action: "sign_up", recordType: "user", recordId: user.id });
      await recordAudit(tx, { id: user.id, role: "therapist" }, meta, { action: "create", recordType: "practice_member", recordId: memberId });
      return { email: invitation.email, practiceId: invitation.practiceId };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("CONFLICT", HAS_ACCOUNT);
    throw error;
  }
}

export const NOT_ALONE_MESSAGE =
  "You can't join another practice from this account while you have clients or colleagues where you are. Hand over or end your work there first, or ask for an invitation to a different address.";

/** A signed-in therapist who is alone (no clients, no colleagues) joins with the invited address. */
export async function joinAsExisting(db: TDb, user: TSessionUser, token: string, now = clockNow()): Promise<{ practiceId: string; memberId: string }> {
  if (user.role !== "therapist") throw new AppError("FORBIDDEN", "A practice is for therapists: this account is a client's. Ask for an invitation to a different address.");
  return db.$transaction(async (tx) => {
    const invitation = await usableInvitation(tx, token, now);
    if (invitation.email !== user.email) {
      throw new AppError("FORBIDDEN", "This invitation was sent to a different e-mail address. Sign out, then sign in with the address it was sent to.");
    }
    const current = await tx.practiceMember.findFirst({ where: { userId: user.id, leftAt: null }, select: { id: true, practiceId: true } });
    if (current?.practiceId === invitation.practiceId) throw new AppError("CONFLICT", "You're already in this practice.");
    const clients = await tx.engagement.count({ where: { therapistId: user.id, status: { in: ["active", "invited"] } } });
    const colleagues = current
      ? await tx.practiceMember.count({ where: { practiceId: current.practiceId, leftAt: null, userId: { not: user.id } } })
      : 0;
    if (clients > 0 || colleagues > 0) throw new AppError("CONFLICT", NOT_ALONE_MESSAGE);
    // Their practice of one stays, left: its history is theirs.
    if (current) await tx.practiceMember.update({ where: { id: current.id }, data: { leftAt: now }, select: { id: true } });
    const { memberId } = await claim(tx, invitation, user.id, now);
    return { practiceId: invitation.practiceId, memberId };
  });
}
