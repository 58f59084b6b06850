// A practice's people (issue 29): who is in it, their roles, leaving, and an
// owner or admin deactivating a colleague's account.
//
// INVARIANTS
// - Any member sees their colleagues' names and roles, nothing of their
//   clients; owners and admins also see the waiting invitations.
// - There is always exactly one owner: the owner's role is never changed or
//   given, the owner never leaves while others remain, and nobody
//   deactivates the owner.
// - Deactivating ends the account's sessions at once: users.deactivated_at
//   and a bumped sessionVersion refuse its next request
//   (server/auth/session-limits.ts), and every open auth_sessions row ends
//   now. Its member row is left (leftAt), so the practice's history keeps it.
import type { TDb } from "../db/client";
import type { PracticeRole } from "../db/generated/enums";
import type { TSessionUser } from "../auth/session-user";
import type { TInvitableRole } from "../../lib/schemas/practice";
import { AppError } from "../errors";
import { now as clockNow } from "../clock";
import { practicePlaceOf, requireRunsPractice, RUNS_PRACTICE } from "./practices";
import { defaultSettings } from "./settings";

export type TPracticeMemberView = { memberId: string | null; userId: string; name: string; role: PracticeRole; joinedAt: Date | null; isYou: boolean };
export type TColleagueInvitationView = { id: string; name: string; email: string; role: PracticeRole; createdAt: Date; expiresAt: Date; isExpired: boolean };

export type TPracticeOverview = {
  practiceId: string | null;
  name: string;
  myRole: PracticeRole;
  runsPractice: boolean;
  members: TPracticeMemberView[];
  /** Owners and admins only; empty for everyone else. */
  invitations: TColleagueInvitationView[];
};

const NOT_A_MEMBER = "That person isn't in your practice.";

/** The practice as a member sees it. */
export async function practiceOverview(db: TDb, user: TSessionUser, now = clockNow()): Promise<TPracticeOverview> {
  const place = await practicePlaceOf(db, user);
  if (!place) throw new AppError("FORBIDDEN", "That is only for therapists.");
  const runsPractice = RUNS_PRACTICE.includes(place.role);
  if (!place.practiceId) {
    return {
      practiceId: null,
      name: defaultSettings(user.name).name,
      myRole: "owner",
      runsPractice: true,
      members: [{ memberId: null, userId: user.id, name: user.name, role: "owner", joinedAt: null, isYou: true }],
      invitations: [],
    };
  }
  const practice = await db.practice.findUniqueOrThrow({
    where: { id: place.practiceId },
    select: {
      id: true,
      name: true,
      members: {
        where: { leftAt: null },
        orderBy: { joinedAt: "asc" },
        select: { id: true, userId: true, role: true, joinedAt: true, user: { select: { name: true } } },
      },
      invitations: runsPractice
        ? {
            where: { acceptedAt: null, revokedAt: null },
            orderBy: { createdAt: "desc" },
            take: 50,
            select: { id: true, name: true, email: true, role: true, createdAt: true, expiresAt: true },
          }
        : false,
    },
  });
  const order: Record<PracticeRole, number> = { owner: 0, admin: 1, supervisor: 2, clinician: 3 };
  return {
    practiceId: practice.id,
    name: practice.name,
    myRole: place.role,
    runsPractice,
    members: practice.members
      .map((member) => ({ memberId: member.id, userId: member.userId, name: member.user.name, role: member.role, joinedAt: member.joinedAt, isYou: member.userId === user.id }))
      .sort((a, b) => order[a.role] - order[b.role] || a.name.localeCompare(b.name)),
    invitations: (practice.invitations ?? []).map((invitation) => ({ ...invitation, isExpired: invitation.expiresAt <= now })),
  };
}

/** A current member of the caller's practice, by its row's id; NOT_FOUND for anyone else's. */
async function memberOfMyPractice(db: TDb, practiceId: string | null, memberId: string) {
  const member = practiceId
    ? await db.practiceMember.findFirst({ where: { id: memberId, practiceId, leftAt: null }, select: { id: true, userId: true, role: true } })
    : null;
  if (!member) throw new AppError("NOT_FOUND", NOT_A_MEMBER);
  return member;
}

/** Gives a colleague another role (owner or admin); the owner's role stays. */
export async function changeRole(db: TDb, user: TSessionUser, memberId: string, role: TInvitableRole): Promise<{ memberId: string }> {
  const place = await requireRunsPractice(db, user);
  const member = await memberOfMyPractice(db, place.practiceId, memberId);
  if (member.role === "owner") throw new AppError("FORBIDDEN", "The owner's role stays: a practice always has its owner.");
  if (member.userId === user.id) throw new AppError("FORBIDDEN", "Ask the owner or another admin to change your own role.");
  // An admin has no clinical access: someone still working with clients can't become one.
  if (role === "admin" && (await db.engagement.count({ where: { therapistId: member.userId, status: { in: ["active", "invited"] } } })) > 0) {
    throw new AppError("CONFLICT", "They still work with clients, and an admin sees no client's records. Their clients need to move to a colleague, or their work to end, first.");
  }
  await db.practiceMember.update({ where: { id: member.id }, data: { role }, select: { id: true } });
  return { memberId: member.id };
}

/** Leaves the practice: the person becomes a practice of one again (their clients stay theirs). */
export async function leavePractice(db: TDb, user: TSessionUser, now = clockNow()): Promise<{ memberId: string }> {
  const place = await practicePlaceOf(db, user);
  if (!place?.practiceId) throw new AppError("CONFLICT", "You're not in a practice with anyone else: there is nothing to leave.");
  const member = await db.practiceMember.findFirstOrThrow({ where: { practiceId: place.practiceId, userId: user.id, leftAt: null }, select: { id: true } });
  if (place.role === "owner") {
    const others = await db.practiceMember.count({ where: { practiceId: place.practiceId, leftAt: null, userId: { not: user.id } } });
    if (others > 0) throw new AppError("CONFLICT", "As the owner, you can leave only once everyone else has left. The practice needs its owner.");
  }
  await db.practiceMember.update({ where: { id: member.id }, data: { leftAt: now }, select: { id: true } });
  return { memberId: member.id };
}

/** Deactivates a colleague's account: they are signed out everywhere at once and can't sign in again. */
export async function deactivateMember(db: TDb, user: TSessionUser, memberId: string, now = clockNow()): Promise<{ memberId: string; userId: string }> {
  const place = await requireRunsPractice(db, user);
  const member = await memberOfMyPractice(db, place.practiceId, memberId);
  if (member.role === "owner") throw new AppError("FORBIDDEN", "Nobody can deactivate the owner's account.");
  if (member.userId === user.id) throw new AppError("FORBIDDEN", "You can't deactivate your own account here. Leave the practice, or delete your account in your account settings.");
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: member.userId }, data: { deactivatedAt: now, sessionVersion: { increment: 1 } }, select: { id: true } });
    await tx.authSession.updateMany({ where: { userId: member.userId, endedAt: null }, data: { endedAt: now, endedReason: "revoked" } });
    // Their devices stop getting pushes: the account is closed to them.
    await tx.pushSubscription.deleteMany({ where: { userId: member.userId } });
    await tx.practiceMember.update({ where: { id: member.id }, data: { leftAt: now }, select: { id: true } });
  });
  return { memberId: member.id, userId: member.userId };
}
