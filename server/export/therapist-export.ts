// A therapist's exports: one client's record (the engagement they share),
// and their own template library.
//
// SHAPES
// - "alliance-engagement-export", version 1:
//   { format, version, exportedAt, exportedBy: { name, email },
//     engagement: <one engagement, as in client-export.ts>,
//     sharedJournal: [{ text, mood, sharedAt, writtenAt }] }
//   Session notes carry `audience`: "shared" (both read), "client" (the
//   client's takeaways, present only when the client shared them) and
//   "therapist_private" (this therapist's private note, never shown to the
//   client). Journal entries only while shared with this engagement.
//   Exercise entries only once sent: a client's draft is theirs alone
//   (records.ts, exportEntryWhere). The conversation whole, as both read it:
//   who wrote, when, the words (null once withdrawn), what it answered
//   (replyToId) and its voice memos by id (the audio stays in the app).
//   Agenda items say which message they were brought from (fromMessageId).
// - "alliance-template-export", version 1:
//   { format, version, exportedAt, exportedBy, templates: [{ title, instructions, kind,
//     schedule, durationDays, timesPerWeek, archivedAt, createdAt, updatedAt,
//     exerciseForm: { version, fields } | null }] }      // the newest version of its form
//   The therapist's own templates (the starter set ships with Alliance), by
//   title: sealed at rest, so opened and ordered here rather than in SQL.
//
// INVARIANT: callers resolve the engagement through the engagement resource (server/api/resources.ts)
// (the therapist's own) before calling; the query also repeats the
// therapist's id so this module cannot be pointed at another's record.
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import { now as clockNow } from "../clock";
import { notFound } from "../errors";
import { listSharedEntries } from "../journal/journal";
import { exportTimestamp as iso, loadExportEngagements } from "./records";
import { openTemplateText } from "../homework/sealing";
import { TEMPLATE_FIELDS } from "../homework/templates";
import { openDefinition } from "../exercises/forms";

export const ENGAGEMENT_EXPORT_FORMAT = "alliance-engagement-export";
export const TEMPLATE_EXPORT_FORMAT = "alliance-template-export";
export const THERAPIST_EXPORT_VERSION = 1;

export async function buildEngagementExport(db: TDb, therapist: TSessionUser, engagementId: string) {
  const [engagements, sharedJournal] = await Promise.all([
    loadExportEngagements(db, { id: engagementId, therapistId: therapist.id }, "therapist", therapist.id),
    listSharedEntries(db, therapist, engagementId),
  ]);
  const engagement = engagements[0];
  if (!engagement) throw notFound("That client relationship");
  return {
    format: ENGAGEMENT_EXPORT_FORMAT,
    version: THERAPIST_EXPORT_VERSION,
    exportedAt: clockNow().toISOString(),
    exportedBy: { name: therapist.name, email: therapist.email },
    engagement,
    sharedJournal: sharedJournal.map((entry) => ({
      text: entry.body,
      mood: entry.mood,
      sharedAt: iso(entry.sharedAt),
      writtenAt: iso(entry.createdAt),
    })),
  };
}

export type TEngagementExport = Awaited<ReturnType<typeof buildEngagementExport>>;

export async function buildTemplateExport(db: TDb, therapist: TSessionUser) {
  const rows = await db.homeworkTemplate.findMany({
    where: { ownerId: therapist.id },
    orderBy: [{ createdAt: "asc" }],
    select: {
      ...TEMPLATE_FIELDS,
      createdAt: true,
      updatedAt: true,
      forms: { orderBy: { version: "desc" }, take: 1, select: { id: true, version: true, definition: true } },
    },
  });
  // Stable sort: equal titles stay oldest first.
  const templates = rows
    .map(({ forms: [form], ...row }) => ({ ...openTemplateText(row), exerciseForm: form ? { version: form.version, ...openDefinition(form) } : null }))
    .sort((a, b) => a.title.localeCompare(b.title));
  return {
    format: TEMPLATE_EXPORT_FORMAT,
    version: THERAPIST_EXPORT_VERSION,
    exportedAt: clockNow().toISOString(),
    exportedBy: { name: therapist.name, email: therapist.email },
    templates: templates.map(({ id: _id, ...template }) => ({
      ...template,
      archivedAt: iso(template.archivedAt),
      createdAt: iso(template.createdAt),
      updatedAt: iso(template.updatedAt),
    })),
  };
}
