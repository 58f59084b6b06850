// The starter exercises (issue 23), in Alliance's own words: no worksheet is
// copied. A therapist duplicates one and changes it; each is a form
// definition checked by ZExerciseFormSchema (lib/exercises/form-definition.ts).
// Every exercise ends with the same gentle question, optional and never
// guilt-worded. The templates page offers them ("Start from an exercise").
import type { TExerciseField, TPlainField } from "./form-definition";

import { LEARNED_FIELD } from "./learned-field";

/** The closing question every exercise carries (its own module, for the builder). */
export { LEARNED_FIELD };

const rating100 = (key: string, label: string, help?: string): TPlainField => ({ key, type: "rating_100", label, help, isRequired: false });
const rating10 = (key: string, label: string, help?: string): TPlainField => ({ key, type: "rating_10", label, help, isRequired: false });
const text = (key: string, label: string, help?: string, isRequired = false): TPlainField => ({ key, type: "short_text", label, help, isRequired });
const longText = (key: string, label: string, help?: string, isRequired = false): TPlainField => ({ key, type: "long_text", label, help, isRequired });

export type TStarterExercise = { key: string; title: string; instructions: string; fields: TExerciseField[] };

export const STARTER_EXERCISES: TStarterExercise[] = [
  {
    key: "thought_record",
    title: "Thought record",
    instructions: "When your mood shifts, pause and jot down what happened and what went through your mind. Short notes are enough.",
    fields: [
      text("situation", "What was happening?", "Where you were, who with, what was going on.", true),
      longText("thought", "What went through your mind?", "The thought or picture that came up, in your own words.", true),
      rating100("belief_before", "How much did you believe it then?", "0 is not at all, 100 is completely."),
      {
        key: "emotions",
        type: "repeating_group",
        label: "What did you feel, and how strongly?",
        isRequired: false,
        maxRows: 8,
        columns: [text("emotion", "Feeling", undefined, true), rating100("intensity", "How strong (0–100)")],
      },
      longText("evidence_for", "What makes the thought seem true?"),
      longText("evidence_against", "What doesn't fit with it?"),
      longText("balanced", "A more balanced way to see it", "What might you say to a friend in the same spot?"),
      rating100("belief_after", "How much do you believe the first thought now?"),
      rating100("feeling_after", "How strong is the main feeling now?"),
      LEARNED_FIELD,
    ],
  },
  {
    key: "activity_plan",
    title: "Activity plan",
    instructions: "Plan one small thing for the day, then notice how it went. Doing it counts, however it felt.",
    fields: [
      text("activity", "What did you plan to do?", undefined, true),
      { key: "done", type: "single_choice", label: "Did it happen?", isRequired: true, options: [{ key: "yes", label: "Yes" }, { key: "partly", label: "Partly" }, { key: "not_today", label: "Not today" }] },
      rating10("achievement", "Sense of achievement", "0 is none, 10 is a lot."),
      rating10("enjoyment", "Enjoyment", "0 is none, 10 is a lot."),
      LEARNED_FIELD,
    ],
  },
  {
    key: "exposure_practice",
    title: "Facing a step on your ladder",
    instructions: "Pick a step from the ladder you made together, stay with it as long as you can, and note what happened.",
    fields: [
      { key: "step", type: "ladder_step", label: "Which step did you practise?", help: "The steps come from the ladder you made together.", isRequired: true },
      rating100("anxiety_before", "Anxiety just before (0–100)"),
      rating100("anxiety_peak", "Anxiety at its highest (0–100)"),
      rating100("anxiety_after", "Anxiety at the end (0–100)"),
      { key: "minutes", type: "duration", label: "How long did you stay with it (minutes)?", isRequired: false },
      longText("feared", "What did you fear would happen?"),
      longText("happened", "What actually happened?"),
      LEARNED_FIELD,
    ],
  },
  {
    key: "sleep_diary",
    title: "Sleep diary",
    instructions: "Each morning, note last night as best you remember it. Guesses are fine; nobody sleeps with a stopwatch.",
    fields: [
      { key: "in_bed_at", type: "time_of_day", label: "When did you go to bed?", isRequired: true },
      { key: "minutes_to_sleep", type: "duration", label: "About how long did it take to fall asleep (minutes)?", isRequired: true },
      { key: "awakenings", type: "number", label: "How many times did you wake in the night?", isRequired: false, min: 0, max: 30, isInteger: true },
      { key: "minutes_awake", type: "duration", label: "Time awake in the night, all together (minutes)", isRequired: true },
      { key: "out_of_bed_at", type: "time_of_day", label: "When did you get up for the day?", isRequired: true },
      rating10("quality", "How well did you sleep?", "0 is very badly, 10 is very well."),
      LEARNED_FIELD,
    ],
  },
  {
    key: "problem_solving",
    title: "Working through a problem",
    instructions: "Take one problem at a time. There's no need to find the perfect answer, only one worth trying.",
    fields: [
      text("problem", "What's the problem, in a sentence?", undefined, true),
      {
        key: "options",
        type: "repeating_group",
        label: "Possible ways to tackle it",
        help: "Write down every idea first; judge them afterwards.",
        isRequired: false,
        maxRows: 10,
        columns: [text("idea", "Idea", undefined, true), longText("pros_cons", "What's for and against it")],
      },
      text("chosen", "Which one will you try?"),
      longText("first_step", "What's the first small step, and when?"),
      longText("how_it_went", "How did it go?"),
      LEARNED_FIELD,
    ],
  },
  {
    key: "values_action",
    title: "Values and one small action",
    instructions: "Think about what matters to you in one area of life, and one small thing this week that moves towards it.",
    fields: [
      {
        key: "area",
        type: "single_choice",
        label: "Which part of life?",
        isRequired: true,
        options: [
          { key: "relationships", label: "Relationships" },
          { key: "work_study", label: "Work or study" },
          { key: "health", label: "Health" },
          { key: "leisure", label: "Rest and play" },
          { key: "community", label: "Community" },
          { key: "other", label: "Something else" },
        ],
      },
      longText("what_matters", "What matters to you here?", undefined, true),
      text("action", "One small action this week", undefined, true),
      { key: "did_it", type: "single_choice", label: "Did you take it?", isRequired: false, options: [{ key: "yes", label: "Yes" }, { key: "partly", label: "Partly" }, { key: "not_yet", label: "Not yet" }] },
      LEARNED_FIELD,
    ],
  },
  {
    key: "worry_postponement",
    title: "Worry time",
    instructions: "When a worry shows up during the day, jot it down and set it aside for your worry time. Then, at that time, look back at the list.",
    fields: [
      {
        key: "worries",
        type: "repeating_group",
        label: "Worries you set aside today",
        isRequired: false,
        maxRows: 20,
        columns: [text("worry", "The worry, briefly", undefined, true)],
      },
      { key: "worry_time", type: "time_of_day", label: "When was your worry time?", isRequired: false },
      { key: "minutes", type: "duration", label: "How long did it last (minutes)?", isRequired: false },
      rating10("still_worrying", "How much did the worries still matter by then?", "0 is not at all, 10 as much as ever."),
      LEARNED_FIELD,
    ],
  },
  {
    key: "coping_card",
    title: "Coping card",
    instructions: "Write a short card to read when things get hard: what tends to happen, and what helps. Keep it where you'll see it.",
    fields: [
      longText("when", "When this happens…", "The situation or feeling the card is for.", true),
      longText("remember", "…I can remind myself", undefined, true),
      {
        key: "helps",
        type: "checklist",
        label: "Things that help",
        isRequired: false,
        options: [
          { key: "breathe", label: "Slow breathing for a few minutes" },
          { key: "move", label: "Moving my body" },
          { key: "reach_out", label: "Reaching out to someone" },
          { key: "ground", label: "Noticing five things I can see" },
        ],
      },
      rating10("used_today", "If you used it today: how much did it help?"),
      LEARNED_FIELD,
    ],
  },
];
