// Which free text is encrypted at rest, and what each value is bound to.
//
// Sealed: every column a person types words into about their life or their
// therapy. Session notes (the private note, the client's takeaways and the
// shared summary), journal entries, agenda items, the comment on session
// feedback; goals (title, description, why it matters), goal steps, the notes
// on a goal's status changes and ratings; homework (title and instructions of
// an assignment and of a therapist's template, reflections, what got in the
// way, the therapist's reply); exercise forms, entries and ladder steps; the note on a voice memo (its audio is sealed in chunks, server/voice/chunks.ts); messages between sessions; safety plans and each of their versions (JSON of the sections); the therapist's note on an off-track review; and the item answers of questionnaires
// (PHQ-9, GAD-7), kept as sealed JSON.
//
// Left plain on purpose, each for a reason (README, "Encryption at rest"):
// - names and e-mail addresses (users, invitations, e-mail changes): they
//   address people, sign them in and name them in notifications;
// - a session's place and video link: they go out in reminder e-mails and
//   the calendar file anyway, and are not about the person's inner life;
// - notification titles: written by the app, naming people and times only
//   (server/notifications/notify.ts), never a goal or homework title;
// - every number (ratings, scores, questionnaire totals and severity):
//   the caseload, the flags and the trends compute on them in SQL;
// - the address and browser an audit event records: the server's record,
//   not anyone's words;
// - ids, statuses, dates, keys and hashes: structure, not words.
//
// Each value's context names its field and columns of its own row that never
// change once written (its id, its parent's id; a questionnaire response is
// bound to its assignment and period, the key its upsert writes under), so a
// value copied into another row, or a row moved under another parent, fails
// to open. Text copied to a new row (a duplicated template) is opened and
// sealed again under the new row's context.
import { getEnv } from "../env";
import { makeKeyring, open, parseDataKey, seal, type TKeyring } from "./sealed-text";

export const SEALED_FIELDS = {
  sessionNoteBody: { table: "session_notes", column: "body", owner: { sessionId: "session_id", kind: "kind" } },
  journalBody: { table: "journal_entries", column: "body", owner: { clientId: "client_id" } },
  completionResponse: { table: "homework_completions", column: "response", owner: { occurrenceId: "occurrence_id" } },
  completionObstacle: { table: "homework_completions", column: "obstacle", owner: { occurrenceId: "occurrence_id" } },
  completionFeedback: { table: "homework_completions", column: "feedback", owner: { occurrenceId: "occurrence_id" } },
  feedbackComment: { table: "session_feedback", column: "comment", owner: { sessionId: "session_id" } },
  agendaText: { table: "agenda_items", column: "text", owner: { sessionId: "session_id", authorId: "author_id" } },
  goalTitle: { table: "goals", column: "title", owner: { engagementId: "engagement_id", goalId: "id" } },
  goalDescription: { table: "goals", column: "description", owner: { engagementId: "engagement_id", goalId: "id" } },
  goalWhyItMatters: { table: "goals", column: "why_it_matters", owner: { engagementId: "engagement_id", goalId: "id" } },
  goalStepText: { table: "goal_steps", column: "text", owner: { goalId: "goal_id", stepId: "id" } },
  goalStatusNote: { table: "goal_status_changes", column: "note", owner: { goalId: "goal_id", changeId: "id" } },
  goalRatingNote: { table: "goal_ratings", column: "note", owner: { goalId: "goal_id", ratingId: "id" } },
  assignmentTitle: { table: "homework_assignments", column: "title", owner: { engagementId: "engagement_id", assignmentId: "id" } },
  assignmentInstructions: { table: "homework_assignments", column: "instructions", owner: { engagementId: "engagement_id", assignmentId: "id" } },
  // A template's owner may be null (the starter library), so its own id binds it.
  templateTitle: { table: "homework_templates", column: "title", owner: { templateId: "id" } },
  templateInstructions: { table: "homework_templates", column: "instructions", owner: { templateId: "id" } },
  // Exercises (issue 23): a form version's definition (its labels may be
  // written for one client), the client's answers as JSON, bound to the
  // occurrence and the version answered, and the steps of an exposure ladder.
  exerciseFormDefinition: { table: "exercise_forms", column: "definition", owner: { formId: "id" } },
  exerciseAnswers: { table: "exercise_entries", column: "answers", owner: { occurrenceId: "occurrence_id", formId: "form_id" } },
  ladderStepText: { table: "ladder_steps", column: "text", owner: { engagementId: "engagement_id", stepId: "id" } },
  // A voice memo's typed note or title (issue 24). The audio itself is sealed
  // in binary chunks under the same keyring (server/voice/chunks.ts).
  voiceMemoNote: { table: "voice_memos", column: "note", owner: { memoId: "id", clientId: "client_id" } },
  // A message between sessions (issue 25); null once its author withdrew it.
  messageBody: { table: "messages", column: "body", owner: { engagementId: "engagement_id", authorId: "author_id", messageId: "id" } },
  // A safety plan's sections as JSON (issue 26), the current one and every
  // version kept; a version is bound to its plan and its own id.
  safetyPlanContent: { table: "safety_plans", column: "content", owner: { engagementId: "engagement_id", planId: "id" } },
  safetyPlanVersionContent: { table: "safety_plan_versions", column: "content", owner: { planId: "plan_id", versionId: "id" } },
  // The therapist's note beside an off-track checklist (issue 26).
  offTrackNote: { table: "off_track_reviews", column: "note", owner: { engagementId: "engagement_id", reviewId: "id" } },
  // JSON of the item answers (0–3, or null while a draft leaves one open).
  measureAnswers: {
    table: "measure_responses",
    column: "answers",
    owner: { engagementId: "engagement_id", assignmentId: "assignment_id", periodKey: "period_key" },
  },
  // Two-factor sign-in secrets (server/auth/totp.ts): not clinical text, but a
  // copied secret would let someone make codes, so they get the same sealing
  // and ride along with key rotation.
  totpSecret: { table: "users", column: "totp_secret", owner: { userId: "id" } },
  // A waiting invitation's link token, for the e-mail job that runs after the
  // commit (server/invitations/invitation-mail.ts); emptied once it is used.
  invitationLinkSecret: { table: "invitations", column: "link_secret", owner: { invitationId: "id" } },
  totpPending: { table: "users", column: "totp_pending", owner: { userId: "id" } },
  // The server's VAPID private key for web push when it was made here rather
  // than given in the environment (server/notifications/push.ts): a copy would
  // let someone push to every subscribed device.
  webPushPrivateKey: { table: "web_push_keys", column: "private_key", owner: { keyId: "id" } },
  // A practice (issue 29): a waiting invitation's link token, as for a
  // client's invitation; why a supervisor asks to see a client's records; the
  // word to the client that comes with a proposed handover.
  practiceInvitationLinkSecret: { table: "practice_invitations", column: "link_secret", owner: { invitationId: "id" } },
  supervisionReason: { table: "supervision_requests", column: "reason", owner: { engagementId: "engagement_id", requestId: "id" } },
  handoverMessage: { table: "handovers", column: "message", owner: { engagementId: "from_engagement_id", handoverId: "id" } },
} as const;

export type TSealedFieldName = keyof typeof SEALED_FIELDS;
export type TSealedFieldSpec = (typeof SEALED_FIELDS)[TSealedFieldName];
export type TOwnerOf<F extends TSealedFieldName> = Record<keyof (typeof SEALED_FIELDS)[F]["owner"], string>;

/** The additional authenticated data for one value: field plus owner values, in the spec's order. */
export function sealContext(spec: TSealedFieldSpec, owner: Record<string, string>): string {
  const values = Object.keys(spec.owner).map((key) => {
    const value = owner[key];
    if (typeof value !== "string" || value === "") throw new Error(`${spec.table}.${spec.column}: owner ${key} is missing`);
    return value;
  });
  return [`${spec.table}.${spec.column}`, ...values].join("|");
}

let cached: { source: string; keyring: TKeyring } | undefined;

/** The keyring from DATA_ENCRYPTION_KEY (seals) and DATA_ENCRYPTION_OLD_KEYS (still open). */
export function dataKeyring(): TKeyring {
  const env = getEnv();
  const source = `${env.DATA_ENCRYPTION_KEY ?? ""}|${env.DATA_ENCRYPTION_OLD_KEYS ?? ""}`;
  if (cached?.source === source) return cached.keyring;
  if (!env.DATA_ENCRYPTION_KEY) {
    throw new Error("DATA_ENCRYPTION_KEY is not set. Start Alliance with `npm start`, which provides one, or see .env.example.");
  }
  const older = (env.DATA_ENCRYPTION_OLD_KEYS ?? "")
    .split(",")
    .filter((part) => part.trim() !== "")
    .map((part, index) => parseDataKey(part, `DATA_ENCRYPTION_OLD_KEYS (key ${index + 1})`));
  const keyring = makeKeyring(parseDataKey(env.DATA_ENCRYPTION_KEY, "DATA_ENCRYPTION_KEY"), older);
  cached = { source, keyring };
  return keyring;
}

export function sealField<F extends TSealedFieldName>(field: F, owner: TOwnerOf<F>, plaintext: string): string;
export function sealField<F extends TSealedFieldName>(field: F, owner: TOwnerOf<F>, plaintext: string | null): string | null;
export function sealField<F extends TSealedFieldName>(field: F, owner: TOwnerOf<F>, plaintext: string | null): string | null {
  if (plaintext === null) return null;
  return seal(dataKeyring(), plaintext, sealContext(SEALED_FIELDS[field], owner));
}

export function openField<F extends TSealedFieldName>(field: F, owner: TOwnerOf<F>, stored: string): string;
export function openField<F extends TSealedFieldName>(field: F, owner: TOwnerOf<F>, stored: string | null): string | null;
export function openField<F extends TSealedFieldName>(field: F, owner: TOwnerOf<F>, stored: string | null): string | null {
  if (stored === null) return null;
  return open(dataKeyring(), stored, sealContext(SEALED_FIELDS[field], owner));
}
