// Agenda item kinds, statuses, note kinds and their words, for pages and forms
// (no validation code here: lib/schemas/session.ts checks input with these).

export const AGENDA_KINDS = [
  "topic",
  "question",
  "about_therapy",
  "avoided_topic",
  "struggling",
  "goal_review",
  "homework_review",
] as const;

export const AGENDA_STATUSES = ["open", "discussed", "deferred"] as const;

export const NOTE_KINDS = ["shared_summary", "client_takeaway", "therapist_private"] as const;

export const MAX_AGENDA_ITEMS = 40;

export const AGENDA_KIND_LABELS: Record<(typeof AGENDA_KINDS)[number], string> = {
  topic: "Something to talk about",
  question: "A question",
  about_therapy: "About our work together",
  avoided_topic: "Something I've been avoiding",
  struggling: "I've been struggling",
  goal_review: "Our goals",
  homework_review: "Homework",
};

/** One tap turns a starter into an agenda item the client can still edit. */
export const CONVERSATION_STARTERS = [
  { kind: "topic", text: "I feel like I'm improving in some areas but struggling in others." },
  { kind: "avoided_topic", text: "There's a topic I've been avoiding, but I think it's important." },
  { kind: "goal_review", text: "Can we revisit my goals to make sure they still fit?" },
  { kind: "question", text: "I'd like more clarity on the techniques we're using." },
  { kind: "struggling", text: "I've been struggling between sessions and need more coping strategies." },
] as const;
