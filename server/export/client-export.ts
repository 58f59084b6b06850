// A client's export: everything Alliance holds about them, to take with them
// (docs/security-and-privacy.md, S19). Served by GET /api/account/export as
// one archive (client-archive.ts: this JSON, a printable copy and the audio
// of every voice memo) and as a printable page at /account/export.
//
// THE SHAPE (format "alliance-client-export", version 1). Add fields freely;
// renaming or removing one is a new version.
//
// {
//   format: "alliance-client-export", version: 1,
//   exportedAt: ISO timestamp,
//   person: { name, email, timeZone, memberSince },
//   engagements: [{                      // every therapist, ended ones too
//     id, status, invitedAt, startedAt, endedAt,
//     therapist: { name, email }, client: { name, email },
//     goals: [{ title, description, whyItMatters, status, targetDate, createdAt, createdBy: { name, role },
//               statusHistory: [{ from, to, note, at, by }],
//               steps: [{ text, position, doneAt }],
//               ratings: [{ value, note, by: { name, role }, sessionId, at }] }],   // both people's
//     homework: [{ title, instructions, kind, exerciseFormVersion: number | null,
//                  schedule: { kind, startsOn, endsOn, timesPerWeek }, goal,
//                  status, assignedAt, cancelledAt,
//                  occurrences: [{ opensOn, dueOn, status, recordedAt, response, obstacle,
//                                  difficulty, helpfulness, therapistReply: { text, at, by } | null,
//                                  exercise: { formVersion, state: "sent" | "draft", sentAt, lastSavedAt,
//                                              answers: [{ question, answer }],   // the version's own questions;
//                                              skill } | null }] }],              // a group's answer: rows of { question, answer }
//     ladder: [{ text, expectedAnxiety, addedAt, addedBy: { name, role } }],     // the exposure ladder, lowest first
//     sessions: [{ id, startsAt, durationMinutes, status, location, videoUrl,
//                  agenda: [{ text, kind, status, author: { name, role }, addedAt,
//                             fromMessageId }],          // the message it was brought from, if any
//                  notes: [{ kind: "shared_summary" | "client_takeaway", audience: "shared" | "client",
//                            isSharedWithTherapist?, text, author, writtenAt, updatedAt }],
//                  feedback: { feltHeard, workedOnWanted, approachFit, overall, comment, at } | null }],
//     conversation: { mode: "off" | "reply_only" | "open", replyTime,          // messages between sessions,
//                     messages: [{ id, author: { name, role }, sentAt,         // both people's, oldest first
//                                  text,                                     // null once withdrawn ("" when a voice memo says it)
//                                  withdrawnAt, replyToId,                   // replyToId: the id of the message it answers
//                                  voiceMemoIds }] },                        // ids in voiceMemos below (the recordings)
//     safetyPlan: { version, updatedAt, updatedBy: { name, role },               // null: no plan yet
//                   sections: { warningSigns, onMyOwn, peoplePlaces, saferSurroundings, keepsMeGoing: [line],
//                               peopleToAsk, professionals: [{ name, phone }] },
//                   versions: [{ version, savedAt, by: { name, role }, sections }] } | null,   // oldest first
//     checkIns: [{ personal, relationships, workSchoolSocial, overall, sessionId, at }],
//     questionnaires: [{ name: "PHQ-9" | "GAD-7", schedule, assignedAt, stoppedAt,
//                        responses: [{ answers: [0–3 per item], difficulty, total, severity, at }] }] }],
//   journal: [{ text, mood, visibility: "private" | "shared", sharedWith: therapist name | null,
//               sharedAt, writtenAt, updatedAt }],                                 // private entries too
//   voiceMemos: [{ id, file,            // file: the audio's path inside the archive, unique, e.g.
//                                       //   "voice-memos/2026-12-06-1a2b3c4d.webm" (day recorded, on their calendar)
//                  recordedAt, lengthSeconds, note,
//                  placedIn: "journal" | "agenda" | "homework" | "message" | "not placed yet", placedAt }],  // drafts too
//   supervision: [{ supervisor, therapist, reason, until,   // who asked to see their records (issue 29), why,
//                   status: "asked" | "agreed" | "refused" | "withdrawn", askedAt, answeredAt, withdrawnAt }]  // and what they answered
// }
//
// INVARIANT: never a therapist's private note: the notes are selected by
// audience in the query (records.ts, exportNoteWhere). Only this client's
// records: engagements where they are the client, journal entries they own.
// Their unsent exercise drafts are theirs and come along (exportEntryWhere);
// the therapist's export never holds them. Voice memos: the ones they
// recorded (clientId), wherever they put them, drafts too.
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import { now as clockNow } from "../clock";
import { openField } from "../crypto/sealed-fields";
import { exportTimestamp as iso, loadExportEngagements } from "./records";
import { MEMO_SELECT, openMemo } from "../voice/memos";
import { localDay } from "../../lib/time/zones";
import { SUPERVISION_LIST_LIMIT } from "../supervision/requests";

export const CLIENT_EXPORT_FORMAT = "alliance-client-export";
export const CLIENT_EXPORT_VERSION = 1;

export async function buildClientExport(db: TDb, client: Pick<TSessionUser, "id" | "role">) {
  const [person, engagements, journal, memos, supervision] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: client.id },
      select: { name: true, email: true, timeZone: true, createdAt: true },
    }),
    loadExportEngagements(db, { clientId: client.id }, "client"),
    db.journalEntry.findMany({
      where: { clientId: client.id },
      orderBy: { createdAt: "asc" },
      select: {
        body: true,
        mood: true,
        visibility: true,
        sharedAt: true,
        createdAt: true,
        updatedAt: true,
        sharedEngagement: { select: { therapist: { select: { name: true } } } },
      },
    }),
    db.voiceMemo.findMany({
      where: { clientId: client.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { ...MEMO_SELECT, mimeType: true, journalEntryId: true, agendaItemId: true, occurrenceId: true, messageId: true, placedAt: true },
    }),
    db.supervisionRequest.findMany({
      where: { engagement: { clientId: client.id } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: SUPERVISION_LIST_LIMIT,
      select: {
        id: true,
        engagementId: true,
        reason: true,
        until: true,
        status: true,
        createdAt: true,
        answeredAt: true,
        withdrawnAt: true,
        supervisor: { select: { name: true } },
        engagement: { select: { therapist: { select: { name: true } } } },
      },
    }),
  ]);
  const files = memoFileNames(memos, person.timeZone);
  return {
    format: CLIENT_EXPORT_FORMAT,
    version: CLIENT_EXPORT_VERSION,
    exportedAt: clockNow().toISOString(),
    person: { name: person.name, email: person.email, timeZone: person.timeZone, memberSince: iso(person.createdAt) },
    engagements,
    journal: journal.map((entry) => ({
      text: openField("journalBody", { clientId: client.id }, entry.body),
      mood: entry.mood,
      visibility: entry.visibility,
      sharedWith: entry.sharedEngagement?.therapist.name ?? null,
      sharedAt: iso(entry.sharedAt),
      writtenAt: iso(entry.createdAt),
      updatedAt: iso(entry.updatedAt),
    })),
    voiceMemos: memos.map((memo, index) => ({
      id: memo.id,
      file: files[index]!,
      recordedAt: memo.createdAt.toISOString(),
      lengthSeconds: memo.durationMs / 1000,
      note: openMemo(memo).note,
      placedIn: placeOf(memo),
      placedAt: iso(memo.placedAt),
    })),
    supervision: supervision.map((request) => ({
      supervisor: request.supervisor.name,
      therapist: request.engagement.therapist.name,
      reason: openField("supervisionReason", { engagementId: request.engagementId, requestId: request.id }, request.reason),
      until: iso(request.until),
      status: request.status,
      askedAt: iso(request.createdAt),
      answeredAt: iso(request.answeredAt),
      withdrawnAt: iso(request.withdrawnAt),
    })),
  };
}

export const VOICE_MEMO_FOLDER = "voice-memos";

/** The extension of each container audio-check.ts recognises; anything else is kept as plain bytes. */
const AUDIO_EXTENSIONS: Record<string, string> = {
  "audio/webm": "webm",
  "audio/ogg": "ogg",
  "audio/mp4": "m4a",
  "audio/mpeg": "mp3",
  "audio/wav": "wav",
  "audio/flac": "flac",
  "audio/aac": "aac",
};

/**
 * Each memo's path in the archive: the day it was recorded on the client's
 * calendar and the id's last 8 hex digits (uuid v7: the random ones; the first
 * are the clock). Two alike on one day, however unlikely, take the whole id,
 * so no file ever overwrites another.
 */
function memoFileNames(memos: readonly { id: string; mimeType: string; createdAt: Date }[], timeZone: string): string[] {
  const taken = new Set<string>();
  return memos.map((memo) => {
    const hex = memo.id.replaceAll("-", "");
    const name = (tag: string) => `${VOICE_MEMO_FOLDER}/${localDay(memo.createdAt, timeZone)}-${tag}.${AUDIO_EXTENSIONS[memo.mimeType] ?? "bin"}`;
    const file = taken.has(name(hex.slice(-8))) ? name(hex) : name(hex.slice(-8));
    taken.add(file);
    return file;
  });
}

/** Where the client put a memo; a memo sits in at most one place (memos.ts, placeMemo). */
function placeOf(memo: { journalEntryId: string | null; agendaItemId: string | null; occurrenceId: string | null; messageId: string | null }) {
  if (memo.journalEntryId) return "journal" as const;
  if (memo.agendaItemId) return "agenda" as const;
  if (memo.occurrenceId) return "homework" as const;
  if (memo.messageId) return "message" as const;
  return "not placed yet" as const;
}

export type TClientExport = Awaited<ReturnType<typeof buildClientExport>>;

/** `alliance-export-YYYY-MM-DD.json` (or `.zip`), the date on the downloader's own calendar. */
export function exportFileName(prefix: string, timeZone: string, extension: "json" | "zip" = "json"): string {
  return `${prefix}-${localDay(clockNow(), timeZone)}.${extension}`;
}
