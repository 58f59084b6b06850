// The supervisor's read-only view of one client's records (issue 29), while
// the client agrees. Callers have resolved the engagement through
// findSupervisedEngagement (./access.ts); nothing here checks access again.
//
// What it reads, and never reads:
// - goals (titles, steps, ratings), homework and what was recorded for it,
//   sessions with their agenda and the summary shared with the client,
//   questionnaire totals, journal entries the client shared, the safety plan;
// - a therapist's private note ONLY when its author shared it for
//   supervision (session_notes.shared_for_supervision_at set); never the
//   client's private journal, their takeaways, exercise drafts or voice memos
//   not placed anywhere (no query here reaches them), off-track reviews,
//   templates or messages.
// Three statements in parallel whatever the number of records (goals; homework,
// on the client's calendar; the rest in one statement of relation joins):
// each list is bounded.
import type { TDb } from "../db/client";
import { openField } from "../crypto/sealed-fields";
import { listGoals } from "../goals/queries";
import { listAssignments } from "../homework/queries";
import { openPlanContent } from "../safety-plans/sealing";
import { INSTRUMENTS } from "../../lib/measures/instruments";
import { now as clockNow } from "../clock";
import type { TSupervisedEngagement } from "./access";

export const SUPERVISION_SESSION_LIMIT = 30;
export const SUPERVISION_JOURNAL_LIMIT = 30;
export const SUPERVISION_SCORE_LIMIT = 60;

export async function getSupervisionView(db: TDb, supervised: TSupervisedEngagement, now = clockNow()) {
  const { engagement } = supervised;
  const [goals, homework, records] = await Promise.all([
    listGoals(db, engagement.id),
    listAssignments(db, engagement, { now, clientTimeZone: supervised.clientTimeZone }),
    // Sessions, scores, shared journal entries and the safety plan: one statement (relation joins).
    db.engagement.findUniqueOrThrow({
      where: { id: engagement.id },
      select: {
        sessions: {
          orderBy: [{ startsAt: "desc" }, { id: "desc" }],
          take: SUPERVISION_SESSION_LIMIT,
          select: {
            id: true,
            startsAt: true,
            durationMinutes: true,
            status: true,
            agendaItems: { orderBy: { position: "asc" }, select: { id: true, text: true, status: true, authorId: true, author: { select: { role: true } } } },
            notes: {
              where: {
                OR: [
                  { kind: "shared_summary" },
                  // The clinician's own note, only once they chose to share it for supervision.
                  { kind: "therapist_private", authorId: engagement.therapistId, sharedForSupervisionAt: { not: null } },
                ],
              },
              select: { id: true, kind: true, body: true, sharedForSupervisionAt: true, updatedAt: true },
            },
          },
        },
        measureResponses: {
          where: { completedAt: { not: null } },
          orderBy: [{ completedAt: "desc" }, { id: "desc" }],
          take: SUPERVISION_SCORE_LIMIT,
          select: { id: true, kind: true, total: true, completedAt: true },
        },
        sharedJournal: {
          where: { visibility: "shared" },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: SUPERVISION_JOURNAL_LIMIT,
          select: { id: true, clientId: true, body: true, mood: true, sharedAt: true, createdAt: true },
        },
        safetyPlan: { select: { id: true, content: true, updatedAt: true } },
      },
    }),
  ]);
  const { sessions, measureResponses: scores, sharedJournal: journal, safetyPlan: plan } = records;

  return {
    requestId: supervised.requestId,
    until: supervised.until,
    clientName: supervised.clientName,
    clinicianName: supervised.clinicianName,
    engagementStatus: engagement.status,
    goals,
    homework: homework.assignments,
    sessions: sessions.map(({ agendaItems, notes, ...session }) => ({
      ...session,
      agenda: agendaItems.map((item) => ({
        id: item.id,
        status: item.status,
        authorRole: item.author.role,
        text: openField("agendaText", { sessionId: session.id, authorId: item.authorId }, item.text),
      })),
      summary: openNote(session.id, notes.find((note) => note.kind === "shared_summary")),
      sharedPrivateNote: openNote(session.id, notes.find((note) => note.kind === "therapist_private")),
    })),
    scores: scores.map((score) => ({ id: score.id, name: INSTRUMENTS[score.kind].name, kind: score.kind, total: score.total, completedAt: score.completedAt })),
    journal: journal.map(({ clientId, body, ...entry }) => ({ ...entry, body: openField("journalBody", { clientId }, body) })),
    safetyPlan: plan ? { content: openPlanContent({ engagementId: engagement.id, planId: plan.id }, plan.content), updatedAt: plan.updatedAt } : null,
  };
}

function openNote(sessionId: string, note: { id: string; kind: "shared_summary" | "client_takeaway" | "therapist_private"; body: string; updatedAt: Date } | undefined) {
  if (!note) return null;
  return { id: note.id, body: openField("sessionNoteBody", { sessionId, kind: note.kind }, note.body), updatedAt: note.updatedAt };
}

export type TSupervisionView = Awaited<ReturnType<typeof getSupervisionView>>;
