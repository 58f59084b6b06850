// Practices (issue 29): colleagues under one roof. Every therapist account
// belongs to exactly one practice at a time. One who has never invited
// anyone has no row yet and is the owner of a practice of one: nothing
// changes for a solo therapist until they first change a practice setting or
// invite someone, when ensurePractice() writes the practice and their owner
// row (in the caller's transaction).
//
// INVARIANT: a practice role never opens a client's records by itself. A
// therapist reaches an engagement as its therapist (server/engagements/
// access.ts); a supervisor reaches a colleague's client only while that client
// agrees (server/supervision); an owner or admin runs the practice and sees
// only de-identified outcomes (server/practices/outcomes.ts).
import type { TDb } from "../db/client";
import type { PracticeRole } from "../db/generated/enums";
import type { TSessionUser } from "../auth/session-user";
import { AppError } from "../errors";
import { now as clockNow } from "../clock";

/** The tables these read: the database, or a transaction's client. */
type TPracticeDb = Pick<TDb, "practice" | "practiceMember">;

/** A therapist's place: their practice (null while it is a practice of one without a row) and their role in it. */
export type TPracticePlace = { practiceId: string | null; role: PracticeRole };

/** The part of the practice a person runs: settings, members, outcomes. */
export const RUNS_PRACTICE: readonly PracticeRole[] = ["owner", "admin"];
/** The parts that see clients of their own. */
export const SEES_OWN_CLIENTS: readonly PracticeRole[] = ["owner", "clinician", "supervisor"];

/** Where a therapist works now; a therapist without a row owns a practice of one. Clients have no practice. */
export async function practicePlaceOf(db: TPracticeDb, user: Pick<TSessionUser, "id" | "role">): Promise<TPracticePlace | null> {
  if (user.role !== "therapist") return null;
  const member = await db.practiceMember.findFirst({
    where: { userId: user.id, leftAt: null },
    select: { practiceId: true, role: true },
  });
  return member ?? { practiceId: null, role: "owner" };
}

/** The practice's row, made on first need with the therapist as its owner. Call inside the write's transaction. */
export async function ensurePractice(db: TPracticeDb, user: Pick<TSessionUser, "id" | "role" | "name">, now = clockNow()): Promise<{ practiceId: string; role: PracticeRole }> {
  const place = await practicePlaceOf(db, user);
  if (!place) throw new AppError("FORBIDDEN", "That is only for therapists.");
  if (place.practiceId) return { practiceId: place.practiceId, role: place.role };
  const practice = await db.practice.create({
    data: { name: defaultPracticeName(user.name), members: { create: { userId: user.id, role: "owner", joinedAt: now } } },
    select: { id: true },
  });
  return { practiceId: practice.id, role: "owner" };
}

export function defaultPracticeName(ownerName: string): string {
  return `${ownerName}'s practice`.slice(0, 120);
}

/** Owners and admins only; anyone else is refused before anything is read. */
export async function requireRunsPractice(db: TPracticeDb, user: Pick<TSessionUser, "id" | "role">): Promise<TPracticePlace> {
  const place = await practicePlaceOf(db, user);
  if (!place || !RUNS_PRACTICE.includes(place.role)) throw new AppError("FORBIDDEN", "Only the practice's owner or an admin can do that.");
  return place;
}

/** The user ids of the practice's therapists, past and present (a practice of one: the therapist alone). */
export async function practiceTherapistIds(db: TDb, place: TPracticePlace, userId: string): Promise<string[]> {
  if (!place.practiceId) return [userId];
  const members = await db.practiceMember.findMany({ where: { practiceId: place.practiceId }, select: { userId: true } });
  return members.map((member) => member.userId);
}

/** Whether two therapists work in the same practice now (a practice of one has no colleagues). */
export async function areColleagues(db: TDb, a: string, b: string): Promise<boolean> {
  if (a === b) return false;
  const rows = await db.practiceMember.findMany({ where: { userId: { in: [a, b] }, leftAt: null }, select: { userId: true, practiceId: true } });
  const practiceOf = new Map(rows.map((row) => [row.userId, row.practiceId]));
  return practiceOf.has(a) && practiceOf.get(a) === practiceOf.get(b);
}
