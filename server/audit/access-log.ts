// "Who has looked at your records": the audit trail read back to the person
// it is about, in plain words, and a therapist's own activity per client.
//
// INVARIANTS
// - A client sees only events about them (clientId = their id) made by
//   someone else (or by Alliance itself, actorId null); their own actions
//   are theirs to know already.
// - Events on a therapist's private note are left out of the client's log:
//   that note is the therapist's own working record, and the client's view
//   must not reveal when one is written (docs/security-and-privacy.md, S16).
// - A therapist sees only their own events within an engagement resolved
//   through the engagement resource (server/api/resources.ts) (their own).
// - Two statements per page whatever the history: the page of events
//   (index audit_events(client_id, created_at) or (engagement_id,
//   created_at)), then the names of the people in it.
import type { Prisma } from "../db/generated/client";
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import { ACCESS_LOG_PAGE_SIZE, accessLogCursor, parseAccessLogCursor } from "../../lib/schemas/access-log";
import type { TAuditRecordType } from "./record";

/** Kinds of record a client's log never lists (see the header). */
export const HIDDEN_FROM_CLIENT: TAuditRecordType[] = ["note_therapist_private"];

type TWords = { one: string; many: string };

/** recordType → plain words; "{your}" becomes "your" for the client and "their" for the therapist. */
const RECORD_WORDS: Partial<Record<TAuditRecordType, TWords>> = {
  engagement: { one: "the record of {your} work together", many: "the record of {your} work together" },
  goal: { one: "a goal", many: "{your} goals" },
  goal_rating: { one: "a goal rating", many: "{your} goal ratings" },
  goal_step: { one: "the steps toward a goal", many: "the steps toward {your} goals" },
  homework_assignment: { one: "a homework assignment", many: "{your} homework" },
  homework_occurrence: { one: "a homework day", many: "{your} homework days" },
  homework_completion: { one: "a homework day", many: "{your} homework days" },
  session: { one: "a session", many: "{your} sessions" },
  agenda_item: { one: "a session agenda", many: "{your} session agendas" },
  note_shared_summary: { one: "a shared session summary", many: "shared session summaries" },
  note_client_takeaway: { one: "{your} takeaways from a session", many: "{your} takeaways" },
  note_therapist_private: { one: "a private session note", many: "private session notes" },
  journal_entry: { one: "{your} journal entry", many: "the journal entries {you} shared" },
  voice_memo: { one: "{your} voice memo", many: "{your} voice memos" },
  message: { one: "a message", many: "{your} messages" },
  safety_plan: { one: "{your} safety plan", many: "{your} safety plan's versions" },
  conversation: { one: "the settings of {your} messages", many: "the settings of {your} messages" },
  session_feedback: { one: "{your} feedback on a session", many: "{your} feedback on sessions" },
  check_in: { one: "a check-in", many: "{your} check-ins" },
  measure_assignment: { one: "a questionnaire request", many: "{your} questionnaires" },
  measure_response: { one: "{your} questionnaire answers", many: "{your} questionnaire answers" },
  measure_flag: { one: "an urgent answer on {your} questionnaire", many: "urgent answers on {your} questionnaires" },
  off_track_review: { one: "a review of how {your} questionnaires are going", many: "reviews of how {your} questionnaires are going" },
  invitation: { one: "{your} invitation", many: "{your} invitation" },
  handover: { one: "a proposal to move {your} work to another therapist", many: "proposals to move {your} work to another therapist" },
  engagement_export: { one: "a copy of {your} whole record", many: "a copy of {your} whole record" },
  supervision_request: { one: "a request to see {your} records", many: "requests to see {your} records" },
};

const FALLBACK_WORDS: TWords = { one: "one of {your} records", many: "{your} records" };

const ACTION_WORDS: Record<string, string> = {
  read: "Looked at",
  list: "Looked at",
  create: "Added",
  update: "Changed",
  delete: "Removed",
  export: "Downloaded",
  acknowledge: "Acknowledged",
};

export type TAccessPerspective = "client" | "therapist";

/** One event in a sentence, e.g. "Looked at your journal entry". */
export function describeAccess(event: { action: string; recordType: string }, perspective: TAccessPerspective): string {
  const words = RECORD_WORDS[event.recordType as TAuditRecordType] ?? FALLBACK_WORDS;
  const phrase = (event.action === "list" ? words.many : words.one)
    .replaceAll("{your}", perspective === "client" ? "your" : "their")
    .replaceAll("{you}", perspective === "client" ? "you" : "they");
  // A voice memo is heard, not looked at (its playback route records the read).
  const verb = event.recordType === "voice_memo" && event.action === "read" ? "Listened to" : (ACTION_WORDS[event.action] ?? "Used");
  return `${verb} ${phrase}`;
}

/** Who did it, in words a client can read; a supervisor who asked to see this client's records says so. */
export function describeActor(
  actor: { name: string; role: string; deletedAt: Date | null; isSupervisor?: boolean } | undefined,
  actorId: string | null,
): string {
  if (actorId === null) return "Alliance";
  if (!actor) return "Someone no longer on Alliance";
  if (actor.deletedAt) return actor.isSupervisor ? "Former supervisor at your therapist's practice" : actor.role === "therapist" ? "Former therapist" : "Former client";
  return actor.isSupervisor ? `${actor.name} (supervisor at your therapist's practice)` : actor.name;
}

const EVENT_SELECT = { id: true, actorId: true, actorRole: true, action: true, recordType: true, createdAt: true } as const;

async function pageOf(
  db: TDb,
  where: Prisma.AuditEventWhereInput,
  cursor: string | null | undefined,
  perspective: TAccessPerspective,
  /** The client whose log it is: an actor who asked to supervise them is named as their supervisor. */
  clientId: string | null = null,
) {
  const after = cursor ? parseAccessLogCursor(cursor) : null;
  const rows = await db.auditEvent.findMany({
    where: {
      AND: [
        where,
        // The `lte` alone is what the index can seek to; the OR then breaks ties within one millisecond.
        after
          ? {
              createdAt: { lte: after.createdAt },
              OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }],
            }
          : {},
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: ACCESS_LOG_PAGE_SIZE + 1,
    select: EVENT_SELECT,
  });
  const events = rows.slice(0, ACCESS_LOG_PAGE_SIZE);
  const actorIds = [...new Set(events.flatMap((event) => (event.actorId ? [event.actorId] : [])))];
  // The names, and (same statement, joined) whether each person asked to supervise this client.
  const actors = actorIds.length
    ? await db.user.findMany({
        where: { id: { in: actorIds } },
        select: {
          id: true,
          name: true,
          role: true,
          deletedAt: true,
          supervisionsAsked: { where: { engagement: { clientId: clientId ?? "00000000-0000-0000-0000-000000000000" } }, select: { id: true }, take: 1 },
        },
      })
    : [];
  const byId = new Map(
    actors.map(({ supervisionsAsked, ...actor }) => [actor.id, { ...actor, isSupervisor: clientId !== null && supervisionsAsked.length > 0 }]),
  );
  const last = events.at(-1);
  return {
    items: events.map((event) => ({
      id: event.id,
      at: event.createdAt,
      who: describeActor(byId.get(event.actorId ?? ""), event.actorId),
      whoRole: event.actorRole,
      action: event.action,
      summary: describeAccess(event, perspective),
    })),
    nextCursor: rows.length > ACCESS_LOG_PAGE_SIZE && last ? accessLogCursor(last) : null,
  };
}

/** What others (and Alliance) did with this client's records, newest first. */
export function clientAccessLog(db: TDb, client: Pick<TSessionUser, "id">, cursor?: string | null) {
  return pageOf(
    db,
    {
      clientId: client.id,
      OR: [{ actorId: null }, { actorId: { not: client.id } }],
      recordType: { notIn: HIDDEN_FROM_CLIENT },
    },
    cursor,
    "client",
    client.id,
  );
}

/** A therapist's own activity on one client's records; the engagement is already theirs. */
export function therapistActivity(
  db: TDb,
  therapist: Pick<TSessionUser, "id">,
  engagementId: string,
  cursor?: string | null,
) {
  return pageOf(db, { engagementId, actorId: therapist.id }, cursor, "therapist");
}
