// Goal statuses and their words, for pages and forms (no validation code here:
// lib/schemas/goal.ts checks input with these).

export const GOAL_STATUSES = ["active", "achieved", "paused", "archived"] as const;

export const STATUS_LABELS: Record<(typeof GOAL_STATUSES)[number], string> = {
  active: "Working on it",
  achieved: "Reached",
  paused: "Paused",
  archived: "Set aside",
};
