// How well the skill went, as the therapist notes it on an exercise entry
// (issue 23): a small scale in Alliance's own words, about the practice and
// never about the person. 0–3; stored on the entry (exercise_entries.skill_rating).
export const SKILL_LEVELS = [
  { value: 0, label: "Just starting out with it" },
  { value: 1, label: "Getting the hang of it" },
  { value: 2, label: "Using it well" },
  { value: 3, label: "Making it their own" },
] as const;

export const SKILL_MAX = 3;

export function skillLabel(value: number | null): string | null {
  return SKILL_LEVELS.find((level) => level.value === value)?.label ?? null;
}
