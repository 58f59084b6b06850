// Read models for sessions: the list for one engagement and the shared
// session view (agenda, notes this viewer may read, homework since the last
// session). Notes are selected through noteWhereForUser only.
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import { dbToLocalDate } from "../../lib/homework/schedule";
import { openField } from "../crypto/sealed-fields";
import { noteWhereForUser } from "./access";
import { now as clockNow } from "../clock";

export const SESSION_LIST_LIMIT = 30;

const SESSION_FIELDS = {
  id: true,
  startsAt: true,
  durationMinutes: true,
  status: true,
  location: true,
  videoUrl: true,
} as const;

/** Upcoming sessions first (soonest first), then past ones (latest first). */
export async function listSessions(db: TDb, engagementId: string, now = clockNow()) {
  const [upcoming, past] = await Promise.all([
    db.therapySession.findMany({
      where: { engagementId, status: "scheduled", startsAt: { gte: now } },
      orderBy: { startsAt: "asc" },
      take: SESSION_LIST_LIMIT,
      select: { ...SESSION_FIELDS, _count: { select: { agendaItems: true } } },
    }),
    db.therapySession.findMany({
      where: { engagementId, NOT: { status: "scheduled", startsAt: { gte: now } } },
      orderBy: { startsAt: "desc" },
      take: SESSION_LIST_LIMIT,
      select: { ...SESSION_FIELDS, _count: { select: { agendaItems: true } } },
    }),
  ]);
  const shape = (session: (typeof upcoming)[number]) => ({ ...session, agendaCount: session._count.agendaItems, _count: undefined });
  return { upcoming: upcoming.map(shape), past: past.map(shape) };
}

/** Callers have resolved the session through sessionProcedure. */
export async function getSessionView(db: TDb, user: TSessionUser, sessionId: string) {
  const session = await db.therapySession.findUniqueOrThrow({
    where: { id: sessionId },
    select: {
      ...SESSION_FIELDS,
      agendaVersion: true,
      engagement: {
        select: { id: true, status: true, therapist: { select: { name: true } }, client: { select: { name: true } } },
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
        },
      },
    },
  });
  const [notes, previous, feedback] = await Promise.all([
    db.sessionNote.findMany({
      where: { AND: [noteWhereForUser(user), { sessionId }] },
      select: { id: true, kind: true, body: true, isSharedWithTherapist: true, updatedAt: true, author: { select: { name: true } } },
    }),
    db.therapySession.findFirst({
      where: { engagementId: session.engagement.id, status: "completed", startsAt: { lt: session.startsAt } },
      orderBy: { startsAt: "desc" },
      select: { startsAt: true },
    }),
    db.sessionFeedback.findUnique({ where: { sessionId }, select: { id: true } }),
  ]);
  const homework = await db.homeworkCompletion.findMany({
    where: {
      occurrence: { assignment: { engagementId: session.engagement.id } },
      completedAt: { gt: previous?.startsAt ?? new Date(0), lte: session.startsAt },
    },
    orderBy: { completedAt: "asc" },
    take: 50,
    select: {
      id: true,
      status: true,
      response: true,
      obstacle: true,
      occurrenceId: true,
      occurrence: { select: { dueOn: true, assignment: { select: { id: true, title: true } } } },
    },
  });

  const { engagement, agendaItems, ...rest } = session;
  return {
    ...rest,
    engagement: { id: engagement.id, status: engagement.status },
    people: { therapist: engagement.therapist.name, client: engagement.client?.name ?? "Client" },
    agenda: agendaItems.map(({ author, authorId, carriedFromId, text, ...item }) => ({
      ...item,
      text: openField("agendaText", { sessionId, authorId }, text),
      isMine: authorId === user.id,
      authorRole: author.role,
      authorName: author.name,
      isCarriedOver: carriedFromId !== null,
    })),
    notes: notes.map((note) => ({ ...note, body: openField("sessionNoteBody", { sessionId, kind: note.kind }, note.body) })),
    hasFeedback: feedback !== null,
    homeworkSinceLastSession: homework.map((completion) => ({
      id: completion.id,
      status: completion.status,
      response: openField("completionResponse", { occurrenceId: completion.occurrenceId }, completion.response),
      obstacle: openField("completionObstacle", { occurrenceId: completion.occurrenceId }, completion.obstacle),
      dueOn: dbToLocalDate(completion.occurrence.dueOn),
      assignment: completion.occurrence.assignment,
    })),
  };
}

export type TSessionView = Awaited<ReturnType<typeof getSessionView>>;
