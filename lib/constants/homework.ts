// Homework kinds, schedules and day outcomes, and their words, for pages and
// forms (no validation code here: lib/schemas/homework.ts checks input with these).

export const HOMEWORK_KINDS = ["journal", "practice", "reading", "worksheet", "other"] as const;

export const HOMEWORK_SCHEDULES = ["once", "daily", "weekly"] as const;

export const COMPLETION_STATUSES = ["done", "partly_done", "skipped"] as const;

export const KIND_LABELS: Record<(typeof HOMEWORK_KINDS)[number], string> = {
  journal: "Journaling",
  practice: "Practising a skill",
  reading: "Reading",
  worksheet: "Worksheet",
  other: "Something else",
};

export const COMPLETION_LABELS: Record<(typeof COMPLETION_STATUSES)[number], string> = {
  done: "Done",
  partly_done: "Partly done",
  skipped: "Didn't get to it",
};
