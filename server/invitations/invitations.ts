// Inviting a client, and a client accepting.
//
// INVARIANTS
// - An invitation is bound to one e-mail address. It can be accepted once,
//   before it expires, unless it was withdrawn; claiming it is a conditional
//   update, so two simultaneous accepts cannot both succeed.
// - Accepting creates a client account only when none exists for that
//   address; an existing account is never merged or overwritten: its owner
//   signs in and accepts as themselves.
// - Opening a link tells nobody whether the address has an account until
//   they prove they read its inbox: the invitation e-mail's link carries a
//   proof in its fragment (server/auth/email-proofs.ts), which the link a
//   therapist copies from the screen does not; without one, the page offers
//   to e-mail a link, with the same words and speed for every address (the
//   e-mail goes after the answer). Setting up a new account needs a proof;
//   signing in is proof enough.
// - A therapist manages only invitations of their own engagements; those are
//   reached through the engagement resource (server/api/resources.ts) like every other engagement record.
import { Prisma } from "../db/generated/client";
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import { hashPassword } from "../auth/password";
import { assertPasswordAllowed } from "../auth/password-policy";
import { AppError } from "../errors";
import type { TEngagementContext } from "../engagements/access";
import type { TAcceptInvitationNew, TCreateInvitation } from "../../lib/schemas/invitation";
import { maskEmail } from "../../lib/format";
import { hashInvitationToken, invitationExpiry, newInvitationToken } from "./tokens";
import { now as clockNow } from "../clock";
import { notify } from "../notifications/notify";
import { claimProof, findUsableProof } from "../auth/email-proofs";
import { isInvitationLinkLimited, THROTTLE_WINDOW_MINUTES } from "../auth/throttle";
import { queueInvitationMail, sealLinkSecret, type TInvitationDelivery } from "./invitation-mail";
import { newRowId } from "../db/ids";
import { recordAudit } from "../audit/record";
import type { TRequestMeta } from "../auth/request-meta";
import { inviteUrl } from "./links";
import { practicePlaceOf, SEES_OWN_CLIENTS } from "../practices/practices";
import { applyReminderDefaults } from "../practices/settings";

export type TInvitationLink = {
  engagementId: string;
  invitationId: string;
  inviteUrl: string;
  expiresAt: Date;
  delivery: TInvitationDelivery;
};

export async function createInvitation(
  db: TDb,
  therapist: TSessionUser,
  input: TCreateInvitation,
  now = clockNow(),
): Promise<TInvitationLink> {
  // A practice's admin runs the practice and has no clients of their own (issue 29).
  const place = await practicePlaceOf(db, therapist);
  if (!place || !SEES_OWN_CLIENTS.includes(place.role)) {
    throw new AppError("FORBIDDEN", "As the practice's admin, you don't work with clients here. Ask the owner to change your role if you need to.");
  }
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
  // The e-mail is a job of this transaction: it goes once the invitation exists, and retries while the mail server refuses.
  const invitationId = newRowId();
  return db.$transaction(async (tx) => {
    const created = await tx.engagement.create({
      data: {
        therapistId: therapist.id,
        status: "invited",
        invitations: {
          create: {
            id: invitationId,
            therapistId: therapist.id,
            email: input.email,
            name: input.name,
            tokenHash,
            linkSecret: sealLinkSecret(invitationId, token),
            expiresAt,
          },
        },
      },
      select: { id: true },
    });
    const delivery = await queueInvitationMail(tx, invitationId, "invitation");
    return { engagementId: created.id, invitationId, inviteUrl: inviteUrl(token), expiresAt, delivery };
  });
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
  return db.$transaction(async (tx) => {
    await tx.invitation.update({
      where: { id: invitation.id },
      data: { tokenHash, linkSecret: sealLinkSecret(invitation.id, token), expiresAt },
      select: { id: true },
    });
    // Links e-mailed before stop working with the old token; their proofs go too.
    await tx.emailProof.updateMany({ where: { invitationId: invitation.id, usedAt: null }, data: { usedAt: now } });
    const delivery = await queueInvitationMail(tx, invitation.id, "invitation");
    return { engagementId: engagement.id, invitationId: invitation.id, inviteUrl: inviteUrl(token), expiresAt, delivery };
  });
}

/** Withdraws a pending invitation: the link stops working, the entry leaves the caseload. */
export async function revokeInvitation(db: TDb, therapist: TSessionUser, engagement: TEngagementContext): Promise<{ invitationId: string }> {
  const invitation = await pendingInvitation(db, engagement);
  const now = clockNow();
  await db.$transaction([
    db.invitation.update({ where: { id: invitation.id }, data: { revokedAt: now, linkSecret: "" }, select: { id: true } }),
    db.engagement.update({
      where: { id: engagement.id },
      data: { status: "ended", endedAt: now, endedById: therapist.id },
      select: { id: true },
    }),
  ]);
  return { invitationId: invitation.id };
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

// --- The invitee's side -------------------------------------------------------

export type TInvitationState = "valid" | "expired" | "accepted" | "withdrawn" | "invalid";

export type TInvitationPreview =
  | { state: "invalid" }
  | {
      state: Exclude<TInvitationState, "invalid">;
      therapistName: string;
      inviteeName: string;
      /** "n•••@example.org": enough to recognise one's own address, not to learn someone's. */
      maskedEmail: string;
      /** Signed in: whether the invitation is for this account's address (null when signed out). */
      isForViewer: boolean | null;
    };

/** What the link's holder may see once they proved they read the inbox (or, without a proof, that they must). */
export type TInvitationOpening =
  | { state: "needs-proof" }
  | { state: "set-up"; email: string; inviteeName: string }
  | { state: "sign-in"; email: string }
  | { state: "therapist-address"; email: string };

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

/** Who invited whom, and in what state: the same for every address, whether or not it has an account. */
export async function previewInvitation(
  db: TDb,
  token: string,
  viewer: { email: string } | null = null,
  now = clockNow(),
): Promise<TInvitationPreview> {
  const invitation = await findByToken(db, token);
  if (!invitation) return { state: "invalid" };
  return {
    state: stateOf(invitation, now),
    therapistName: invitation.therapist.name,
    inviteeName: invitation.name,
    maskedEmail: maskEmail(invitation.email),
    isForViewer: viewer ? viewer.email === invitation.email : null,
  };
}

/** A link with a proof of the inbox: now it may say whether the address has an account. */
export async function openInvitation(db: TDb, token: string, proofToken: string, now = clockNow()): Promise<TInvitationOpening> {
  const invitation = await findByToken(db, token);
  if (!invitation || stateOf(invitation, now) !== "valid") return { state: "needs-proof" };
  const proof = await findUsableProof(db, proofToken, "invitation", now);
  if (!proof || proof.invitationId !== invitation.id || proof.email !== invitation.email) return { state: "needs-proof" };
  const account = await db.user.findUnique({ where: { email: invitation.email }, select: { role: true } });
  if (!account) return { state: "set-up", email: invitation.email, inviteeName: invitation.name };
  return account.role === "client" ? { state: "sign-in", email: invitation.email } : { state: "therapist-address", email: invitation.email };
}

export const INVITATION_LINK_SENT = (maskedEmail: string) =>
  `We've sent a link to ${maskedEmail}. Open it to carry on, on this device or any other. If nothing arrives in a few minutes, check your spam folder.`;

/**
 * E-mails the invited address a link with a fresh proof. The same answer for
 * every address; the look-up and the e-mail happen after it.
 */
export async function emailInvitationLink(db: TDb, token: string, ip: string, now = clockNow()): Promise<{ message: string }> {
  const invitation = await findByToken(db, token);
  const state = invitation ? stateOf(invitation, now) : "invalid";
  if (!invitation || state !== "valid") throw new AppError("BAD_REQUEST", UNUSABLE[state as keyof typeof UNUSABLE]);
  if (await isInvitationLinkLimited(db, invitation.id, ip)) {
    throw new AppError("TOO_MANY_REQUESTS", `We've sent a few links already. Please wait ${THROTTLE_WINDOW_MINUTES} minutes and check your e-mail, including the spam folder.`);
  }
  // One insert for every address; the proof and the e-mail come with the job, after the answer.
  await queueInvitationMail(db, invitation.id, "link");
  return { message: INVITATION_LINK_SENT(maskEmail(invitation.email)) };
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
    data: { acceptedAt: now, linkSecret: "" },
  });
  const activated = await tx.engagement.updateMany({
    where: { id: invitation.engagementId, status: "invited", clientId: null },
    data: { clientId, status: "active", startedAt: now },
  });
  if (claimed.count !== 1 || activated.count !== 1) throw new AppError("CONFLICT", UNUSABLE.accepted);
  // A client new to reminders starts with their therapist's practice's defaults (issue 29).
  await applyReminderDefaults(tx, clientId, invitation.therapistId);
  await notify(tx, {
    userId: invitation.therapistId,
    kind: "invitation_accepted",
    title: `${invitation.name} accepted your invitation`,
    linkPath: `/clients/${invitation.engagementId}`,
    engagementId: invitation.engagementId,
  });
}

const HAS_ACCOUNT = "There's already an account for this address. Sign in to accept the invitation.";

const PROOF_NEEDED = "This link can't set up an account: open the link we e-mailed to the invited address, or ask for a new one on this page.";

/** Accepting as someone new, with the proof that they read the invited inbox: creates the client account and activates the engagement. */
export async function acceptInvitationAsNewClient(
  db: TDb,
  input: TAcceptInvitationNew,
  meta: TRequestMeta,
  now = clockNow(),
): Promise<{ email: string; engagementId: string }> {
  // Judged against the invited address before hashing; an unusable link is refused in the transaction.
  const invited = await findByToken(db, input.token);
  if (invited) await assertPasswordAllowed(input.password, { names: [input.name, invited.name], email: invited.email }, "password");
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const invitation = await usableInvitation(tx, input.token, now);
      const proof = await findUsableProof(tx, input.proof, "invitation", now);
      if (!proof || proof.invitationId !== invitation.id || proof.email !== invitation.email || !(await claimProof(tx, proof.id, now))) {
        throw new AppError("FORBIDDEN", PROOF_NEEDED);
      }
      if (await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } })) {
        throw new AppError("CONFLICT", HAS_ACCOUNT);
      }
      const client = await tx.user.create({
        data: { email: invitation.email, name: input.name, role: "client", timeZone: input.timeZone, passwordHash },
        select: { id: true },
      });
      await claim(tx, invitation, client.id, now);
      // The new client's own act, recorded with it (no one was signed in to record it for).
      await recordAudit(tx, { id: client.id, role: "client" }, meta, {
        action: "create",
        recordType: "engagement",
        recordId: invitation.engagementId,
        engagementId: invitation.engagementId,
        clientId: client.id,
      });
      return { email: invitation.email, engagementId: invitation.engagementId };
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
