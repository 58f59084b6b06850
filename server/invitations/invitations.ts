// Inviting a client, and a client accepting.
//
// INVARIANTS
// - An invitation is bound to one e-mail address. It can be accepted once,
//   before it expires, unless it was withdrawn; claiming it is a conditional
//   update, so two simultaneous accepts cannot both succeed.
// - Accepting creates a client account only when none exists for that
//   address; an existing account is never merged or overwritten: its owner
//   signs in and accepts as themselves.
// - A therapist manages only invitations of their own engagements; those are
//   reached through engagementProcedure like every other engagement record.
import { Prisma } from "../db/generated/client";
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import { hashPassword } from "../auth/password";
import { assertPasswordAllowed } from "../auth/password-policy";
import { AppError } from "../errors";
import { appUrl } from "../env";
import { sendMail, type TMailResult } from "../mail/send";
import { renderMail } from "../mail/layout";
import type { TEngagementContext } from "../engagements/access";
import type { TAcceptInvitationNew, TCreateInvitation } from "../../lib/schemas/invitation";
import { formatDate } from "../../lib/format";
import { hashInvitationToken, invitationExpiry, newInvitationToken } from "./tokens";
import { now as clockNow } from "../clock";
import { notify } from "../notifications/notify";

export type TInvitationLink = {
  engagementId: string;
  inviteUrl: string;
  expiresAt: Date;
  delivery: TMailResult["delivery"];
};

export function inviteUrl(token: string): string {
  return `${appUrl()}/invite/${token}`;
}

export async function createInvitation(
  db: TDb,
  therapist: TSessionUser,
  input: TCreateInvitation,
  now = clockNow(),
): Promise<TInvitationLink> {
  const existing = await db.engagement.findFirst({
    where: {
      therapistId: therapist.id,
      OR: [
        { status: "active", client: { email: input.email } },
        {
          status: "invited",
          invitations: { some: { email: input.email, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } } },
        },
      ],
    },
    select: { status: true },
  });
  if (existing) {
    const message =
      existing.status === "active"
        ? "You're already working with someone at this address."
        : "You've already invited this address. You can resend the invitation from your caseload.";
    throw new AppError("CONFLICT", message, { email: [message] });
  }

  const { token, tokenHash } = newInvitationToken();
  const expiresAt = invitationExpiry(now);
  const engagement = await db.engagement.create({
    data: {
      therapistId: therapist.id,
      status: "invited",
      invitations: {
        create: { therapistId: therapist.id, email: input.email, name: input.name, tokenHash, expiresAt },
      },
    },
    select: { id: true },
  });
  const { delivery } = await sendInvitationMail(therapist, { email: input.email, name: input.name }, token, expiresAt);
  return { engagementId: engagement.id, inviteUrl: inviteUrl(token), expiresAt, delivery };
}

/** A new link (the old one stops working) with a fresh expiry. */
export async function resendInvitation(
  db: TDb,
  therapist: TSessionUser,
  engagement: TEngagementContext,
  now = clockNow(),
): Promise<TInvitationLink> {
  const invitation = await pendingInvitation(db, engagement);
  const { token, tokenHash } = newInvitationToken();
  const expiresAt = invitationExpiry(now);
  await db.invitation.update({ where: { id: invitation.id }, data: { tokenHash, expiresAt }, select: { id: true } });
  const { delivery } = await sendInvitationMail(therapist, invitation, token, expiresAt);
  return { engagementId: engagement.id, inviteUrl: inviteUrl(token), expiresAt, delivery };
}

/** Withdraws a pending invitation: the link stops working, the entry leaves the caseload. */
export async function revokeInvitation(db: TDb, therapist: TSessionUser, engagement: TEngagementContext): Promise<void> {
  const invitation = await pendingInvitation(db, engagement);
  const now = clockNow();
  await db.$transaction([
    db.invitation.update({ where: { id: invitation.id }, data: { revokedAt: now }, select: { id: true } }),
    db.engagement.update({
      where: { id: engagement.id },
      data: { status: "ended", endedAt: now, endedById: therapist.id },
      select: { id: true },
    }),
  ]);
}

async function pendingInvitation(db: TDb, engagement: TEngagementContext) {
  if (engagement.status !== "invited") {
    throw new AppError("BAD_REQUEST", "This invitation has already been accepted or withdrawn.");
  }
  const invitation = await db.invitation.findFirst({
    where: { engagementId: engagement.id, acceptedAt: null, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, name: true },
  });
  if (!invitation) throw new AppError("BAD_REQUEST", "This invitation has already been accepted or withdrawn.");
  return invitation;
}

async function sendInvitationMail(
  therapist: TSessionUser,
  invitee: { email: string; name: string },
  token: string,
  expiresAt: Date,
): Promise<TMailResult> {
  const content = renderMail({
    greeting: `Hello ${invitee.name},`,
    paragraphs: [
      `${therapist.name} has invited you to Alliance, a private space for the work you do together between sessions.`,
    ],
    action: { label: "Open this link to set up your account", url: inviteUrl(token) },
    footer: [
      `The link works once and until ${formatDate(expiresAt, therapist.timeZone)}.`,
      "If you weren't expecting this, you can ignore this e-mail.",
    ],
  });
  return sendMail({ to: invitee.email, subject: `${therapist.name} invited you to Alliance`, ...content });
}

// --- The invitee's side -------------------------------------------------------

export type TInvitationState = "valid" | "expired" | "accepted" | "withdrawn" | "invalid";

export type TInvitationPreview =
  | { state: "invalid" }
  | {
      state: Exclude<TInvitationState, "invalid">;
      therapistName: string;
      inviteeName: string;
      email: string;
      /** Which account, if any, already uses the address: decides "set up" vs "sign in". */
      existingAccount: "none" | "client" | "therapist";
    };

const INVITATION_SELECT = {
  id: true,
  email: true,
  name: true,
  expiresAt: true,
  acceptedAt: true,
  revokedAt: true,
  engagementId: true,
  therapistId: true,
  therapist: { select: { name: true } },
  engagement: { select: { status: true } },
} as const;

type TInvitationRow = Prisma.InvitationGetPayload<{ select: typeof INVITATION_SELECT }>;

function stateOf(invitation: TInvitationRow, now: Date): Exclude<TInvitationState, "invalid"> {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt || invitation.engagement.status !== "invited") return "withdrawn";
  if (invitation.expiresAt <= now) return "expired";
  return "valid";
}

function findByToken(db: Pick<TDb, "invitation">, token: string) {
  return db.invitation.findUnique({ where: { tokenHash: hashInvitationToken(token) }, select: INVITATION_SELECT });
}

export async function previewInvitation(db: TDb, token: string, now = clockNow()): Promise<TInvitationPreview> {
  const invitation = await findByToken(db, token);
  if (!invitation) return { state: "invalid" };
  const account = await db.user.findUnique({ where: { email: invitation.email }, select: { role: true } });
  return {
    state: stateOf(invitation, now),
    therapistName: invitation.therapist.name,
    inviteeName: invitation.name,
    email: invitation.email,
    existingAccount: account?.role ?? "none",
  };
}

const UNUSABLE: Record<Exclude<TInvitationState, "valid">, string> = {
  invalid: "This invitation link isn't valid. Ask your therapist to send a new one.",
  expired: "This invitation has expired. Ask your therapist to send a new one.",
  accepted: "This invitation has already been used. Sign in instead.",
  withdrawn: "This invitation was withdrawn. Ask your therapist if you think that's a mistake.",
};

async function usableInvitation(tx: Prisma.TransactionClient, token: string, now: Date): Promise<TInvitationRow> {
  const invitation = await findByToken(tx, token);
  const state = invitation ? stateOf(invitation, now) : "invalid";
  if (!invitation || state !== "valid") throw new AppError("BAD_REQUEST", UNUSABLE[state as keyof typeof UNUSABLE]);
  return invitation;
}

/** Claims the invitation and activates its engagement for `clientId`, or throws. */
async function claim(tx: Prisma.TransactionClient, invitation: TInvitationRow, clientId: string, now: Date) {
  const claimed = await tx.invitation.updateMany({
    where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { acceptedAt: now },
  });
  const activated = await tx.engagement.updateMany({
    where: { id: invitation.engagementId, status: "invited", clientId: null },
    data: { clientId, status: "active", startedAt: now },
  });
  if (claimed.count !== 1 || activated.count !== 1) throw new AppError("CONFLICT", UNUSABLE.accepted);
  await notify(tx, {
    userId: invitation.therapistId,
    kind: "invitation_accepted",
    title: `${invitation.name} accepted your invitation`,
    linkPath: `/clients/${invitation.engagementId}`,
    engagementId: invitation.engagementId,
  });
}

const HAS_ACCOUNT = "There's already an account for this address. Sign in to accept the invitation.";

/** Accepting as someone new: creates the client account and activates the engagement. */
export async function acceptInvitationAsNewClient(
  db: TDb,
  input: TAcceptInvitationNew,
  now = clockNow(),
): Promise<{ email: string; engagementId: string; clientId: string }> {
  // Judged against the invited address before hashing; an unusable link is refused in the transaction.
  const invited = await findByToken(db, input.token);
  if (invited) await assertPasswordAllowed(input.password, { names: [input.name, invited.name], email: invited.email }, "password");
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const invitation = await usableInvitation(tx, input.token, now);
      if (await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } })) {
        throw new AppError("CONFLICT", HAS_ACCOUNT);
      }
      const client = await tx.user.create({
        data: { email: invitation.email, name: input.name, role: "client", timeZone: input.timeZone, passwordHash },
        select: { id: true },
      });
      await claim(tx, invitation, client.id, now);
      return { email: invitation.email, engagementId: invitation.engagementId, clientId: client.id };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", HAS_ACCOUNT);
    }
    throw error;
  }
}

/** Accepting as an existing client, signed in with the invited address. */
export async function acceptInvitationAsExistingClient(
  db: TDb,
  client: TSessionUser,
  token: string,
  now = clockNow(),
): Promise<{ engagementId: string }> {
  return db.$transaction(async (tx) => {
    const invitation = await usableInvitation(tx, token, now);
    if (invitation.email !== client.email) {
      throw new AppError(
        "FORBIDDEN",
        `This invitation was sent to a different e-mail address. Sign out, then sign in with the address it was sent to.`,
      );
    }
    await claim(tx, invitation, client.id, now);
    return { engagementId: invitation.engagementId };
  });
}
