// Read models for sessions: the list for one engagement and the shared
// session view (agenda, notes this viewer may read, homework since the last
// session). Notes are selected through noteWhereForUser only.
import { MEMO_SELECT, openMemo } from "../voice/memos";
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import { openField } from "../crypto/sealed-fields";
import { openAssignmentText } from "../homework/sealing";
import { exerciseBrief } from "../exercises/read-back";
import { noteWhereForUser } from "./access";
import { lastSessionStartSql } from "./since";
import { now as clockNow } from "../clock";

export const SESSION_LIST_LIMIT = 30;

/** A session's own columns, as every reader of one shows it (lists, the calendar file, exports). */
export const SESSION_FIELDS = {
  id: true,
  startsAt: true,
  durationMinutes: true,
  status: true,
  location: true,
  videoUrl: true,
} as const;

type TListedSessionRow = {
  part: "upcoming" | "past";
  id: string;
  starts_at: Date;
  duration_minutes: number;
  status: "scheduled" | "completed" | "cancelled";
  location: string;
  video_url: string;
  agenda_count: number;
};

/**
 * Upcoming sessions first (soonest first), then past ones (latest first),
 * SESSION_LIST_LIMIT of each: one statement (index therapy_sessions(engagement_id, starts_at)).
 */
export async function listSessions(db: TDb, engagementId: string, now = clockNow()) {
  const rows = await db.$queryRaw<TListedSessionRow[]>`
    (SELECT 'upcoming' AS part, s.id, s.starts_at, s.duration_minutes, s.status::text AS status, s.location, s.video_url,
            (SELECT count(*)::int FROM agenda_items a WHERE a.session_id = s.id) AS agenda_count
     FROM therapy_sessions s
     WHERE s.engagement_id = ${engagementId}::uuid AND s.status = 'scheduled' AND s.starts_at >= ${now}
     ORDER BY s.starts_at ASC LIMIT ${SESSION_LIST_LIMIT})
    UNION ALL
    (SELECT 'past' AS part, s.id, s.starts_at, s.duration_minutes, s.status::text AS status, s.location, s.video_url,
            (SELECT count(*)::int FROM agenda_items a WHERE a.session_id = s.id) AS agenda_count
     FROM therapy_sessions s
     WHERE s.engagement_id = ${engagementId}::uuid AND NOT (s.status = 'scheduled' AND s.starts_at >= ${now})
     ORDER BY s.starts_at DESC LIMIT ${SESSION_LIST_LIMIT})`;
  const shape = (row: TListedSessionRow) => ({
    id: row.id,
    startsAt: row.starts_at,
    durationMinutes: row.duration_minutes,
    status: row.status,
    location: row.location,
    videoUrl: row.video_url,
    agendaCount: row.agenda_count,
  });
  const byStart = (direction: 1 | -1) => (a: TListedSessionRow, b: TListedSessionRow) => direction * (a.starts_at.getTime() - b.starts_at.getTime());
  return {
    upcoming: rows.filter((row) => row.part === "upcoming").sort(byStart(1)).map(shape),
    past: rows.filter((row) => row.part === "past").sort(byStart(-1)).map(shape),
  };
}

/** One row per homework day recorded in the window (none: a single row of nulls), each with the window's message count. */
type THomeworkSinceRow = {
  messages_since: number;
} & (
  | {
      id: string;
      status: "done" | "partly_done" | "skipped";
      response: string;
      obstacle: string;
      occurrence_id: string;
      due_on: string;
      assignment_id: string;
      assignment_title: string;
      is_exercise: boolean;
    }
  | { id: null }
);

/**
 * Callers have resolved the session through the session resource (server/api/resources.ts) (its context
 * carries its start and engagement). Three statements: the session with its
 * people, agenda, the notes this viewer may read, whether feedback exists and
 * the previous completed session's start; the homework days recorded between
 * that session and this one, with how many messages were written in the same
 * window (run beside it); and, once the start is known, the brief's line per
 * exercise sent in the same window (server/exercises/read-back.ts).
 */
export async function getSessionView(
  db: TDb,
  user: TSessionUser,
  context: { id: string; startsAt: Date; engagement: { id: string } },
) {
  const sessionId = context.id;
  const loadSession = Promise.resolve(
    db.therapySession.findUniqueOrThrow({
      where: { id: sessionId },
      select: {
        ...SESSION_FIELDS,
        agendaVersion: true,
        engagement: {
          select: {
            id: true,
            status: true,
            therapist: { select: { name: true } },
            client: { select: { name: true } },
            // The window's start, as the homework query below finds it.
            sessions: {
              where: { status: "completed", startsAt: { lt: context.startsAt } },
              orderBy: { startsAt: "desc" },
              take: 1,
              select: { startsAt: true },
            },
          },
        },
        agendaItems: {
          orderBy: { position: "asc" },
          select: {
            id: true,
            text: true,
            kind: true,
            status: true,
            position: true,
            authorId: true,
            createdAt: true,
            carriedFromId: true,
            author: { select: { role: true, name: true } },
            // A client's spoken item: both people may hear it (server/voice/access.ts).
            voiceMemos: { orderBy: { createdAt: "asc" }, select: MEMO_SELECT },
          },
        },
        notes: {
          where: noteWhereForUser(user),
          select: { id: true, kind: true, authorId: true, body: true, isSharedWithTherapist: true, sharedForSupervisionAt: true, updatedAt: true, author: { select: { name: true } } },
        },
        feedback: { select: { id: true } },
      },
    }),
  );
  const [session, homework, exercises] = await Promise.all([
    loadSession,
    // The window is (the previous completed session's start, this one's start]: the same as
    // messagesBetween (server/messages/counts.ts) and exerciseBrief, counted here so the page
    // keeps its statement budget. The lateral join keeps one row when no day was recorded.
    db.$queryRaw<THomeworkSinceRow[]>`
      WITH since AS (
        SELECT ${lastSessionStartSql(context.engagement.id, context.startsAt)} AS at
      )
      SELECT (SELECT count(*)::int FROM messages m
              WHERE m.engagement_id = ${context.engagement.id}::uuid AND m.withdrawn_at IS NULL
                AND m.created_at > since.at AND m.created_at <= ${context.startsAt}) AS messages_since,
             h.*
      FROM since
      LEFT JOIN LATERAL (
        SELECT c.id, c.status::text AS status, c.response, c.obstacle, c.occurrence_id, o.due_on::text AS due_on,
               a.id AS assignment_id, a.title AS assignment_title, a.form_id IS NOT NULL AS is_exercise, c.completed_at
        FROM homework_completions c
        JOIN homework_occurrences o ON o.id = c.occurrence_id
        JOIN homework_assignments a ON a.id = o.assignment_id
        WHERE a.engagement_id = ${context.engagement.id}::uuid
          AND c.completed_at > since.at
          AND c.completed_at <= ${context.startsAt}
        ORDER BY c.completed_at ASC
        LIMIT 50
      ) h ON true
      ORDER BY h.completed_at ASC`,
    loadSession.then((loaded) => exerciseBrief(db, context.engagement.id, loaded.engagement.sessions[0]?.startsAt ?? new Date(0), context.startsAt)),
  ]);

  const { engagement, agendaItems, notes, feedback, ...rest } = session;
  return {
    ...rest,
    engagement: { id: engagement.id, status: engagement.status },
    people: { therapist: engagement.therapist.name, client: engagement.client?.name ?? "Client" },
    agenda: agendaItems.map(({ author, authorId, carriedFromId, text, voiceMemos, ...item }) => ({
      ...item,
      voiceMemos: voiceMemos.map(openMemo),
      text: openField("agendaText", { sessionId, authorId }, text),
      isMine: authorId === user.id,
      authorRole: author.role,
      authorName: author.name,
      isCarriedOver: carriedFromId !== null,
    })),
    // isMine: a private note handed over with the client's work (server/handovers) stays its author's, read-only here.
    notes: notes.map(({ authorId, ...note }) => ({ ...note, isMine: authorId === user.id, body: openField("sessionNoteBody", { sessionId, kind: note.kind }, note.body) })),
    hasFeedback: feedback !== null,
    /** One line per exercise sent since the last session, e.g. "Thought record: 3 done; belief fell from 80 to 45 on average". */
    exercisesSinceLastSession: exercises.map(({ assignmentId, line }) => ({ assignmentId, line })),
    /** Messages written either way since the last session (withdrawn ones not counted): "3 messages since the last session". */
    messagesSinceLastSession: homework[0]?.messages_since ?? 0,
    homeworkSinceLastSession: homework.flatMap((completion) => (completion.id === null ? [] : [completion])).map((completion) => ({
      id: completion.id,
      status: completion.status,
      response: openField("completionResponse", { occurrenceId: completion.occurrence_id }, completion.response),
      obstacle: openField("completionObstacle", { occurrenceId: completion.occurrence_id }, completion.obstacle),
      dueOn: completion.due_on,
      /** A sent exercise reads on its own page (its answers are not a reflection). */
      href: completion.is_exercise && completion.status !== "skipped" ? `/homework/${completion.assignment_id}/entries/${completion.occurrence_id}` : `/homework/${completion.assignment_id}`,
      assignment: {
        id: completion.assignment_id,
        // The query keeps to this engagement's assignments, so it is theirs.
        ...openAssignmentText({ engagementId: context.engagement.id, assignmentId: completion.assignment_id }, { title: completion.assignment_title }),
      },
    })),
  };
}

export type TSessionView = Awaited<ReturnType<typeof getSessionView>>;
