import { describe, expect, it } from "vitest";
import { ANSWER_NEEDED, answerErrors, MAX_FIELDS, NUMBER_LIMIT, ZExerciseFormSchema, type TExerciseForm } from "./form-definition";

/** A thought record's shape: text, a 0–100 belief, and a repeating group of emotions with intensity. */
const THOUGHT_RECORD = ZExerciseFormSchema.parse({
  fields: [
    { key: "situation", type: "short_text", label: "What was happening?", isRequired: true },
    { key: "thought", type: "long_text", label: "What went through your mind?", isRequired: true },
    { key: "belief", type: "rating_100", label: "How strongly did you believe it?", isRequired: true },
    {
      key: "emotions",
      type: "repeating_group",
      label: "What did you feel?",
      isRequired: false,
      maxRows: 5,
      columns: [
        { key: "emotion", type: "short_text", label: "Feeling", isRequired: true },
        { key: "intensity", type: "rating_100", label: "How strong", isRequired: true },
      ],
    },
    { key: "went_to_bed", type: "time_of_day", label: "Bedtime", isRequired: false },
    { key: "minutes", type: "duration", label: "How long", isRequired: false },
    { key: "mood", type: "single_choice", label: "Overall", isRequired: false, options: [{ key: "low", label: "Low" }, { key: "ok", label: "OK" }] },
    { key: "steps", type: "checklist", label: "Done", isRequired: false, options: [{ key: "walk", label: "A walk" }] },
    { key: "hours", type: "number", label: "Hours", isRequired: false, min: 0, max: 24 },
  ],
});

function definitionIssues(input: unknown): string[] {
  const result = ZExerciseFormSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("exercise form definitions", () => {
  it("accept a thought record with a repeating group", () => {
    expect(THOUGHT_RECORD.fields).toHaveLength(9);
  });

  it("refuse empty labels, duplicate keys, bad keys and a group in a group", () => {
    const field = { key: "a", type: "short_text", label: "A", isRequired: false };
    expect(definitionIssues({ fields: [{ ...field, label: "  " }] })).toEqual(["fields.0.label: Give it a label."]);
    expect(definitionIssues({ fields: [field, { ...field, label: "B" }] })).toEqual(["fields.1.key: Another field already uses this key."]);
    expect(definitionIssues({ fields: [{ ...field, key: "Not A Key" }] })[0]).toMatch(/^fields\.0\.key: /);
    expect(definitionIssues({ fields: [] })).toEqual(["fields: Add at least one field."]);
    const nested = { key: "g", type: "repeating_group", label: "G", isRequired: false, maxRows: 2, columns: [{ key: "h", type: "repeating_group", label: "H", isRequired: false, maxRows: 2, columns: [field] }] };
    expect(definitionIssues({ fields: [nested] }).length).toBeGreaterThan(0);
  });

  it("count a group's columns towards the 40 fields, and allow at most 50 rows", () => {
    const columns = Array.from({ length: 8 }, (_, index) => ({ key: `c${index}`, type: "short_text", label: `C${index}`, isRequired: false }));
    const groups = Array.from({ length: 5 }, (_, index) => ({ key: `g${index}`, type: "repeating_group", label: `G${index}`, isRequired: false, maxRows: 3, columns }));
    expect(definitionIssues({ fields: groups })).toEqual([]); // exactly 40
    expect(definitionIssues({ fields: [...groups, { key: "one_more", type: "short_text", label: "One more", isRequired: false }] })).toEqual([
      `fields: A form can have up to ${MAX_FIELDS} fields (a group's columns count).`,
    ]);
    expect(definitionIssues({ fields: [{ ...groups[0], maxRows: 51 }] }).length).toBeGreaterThan(0);
  });

  it("refuse duplicate choice keys and a number range upside down", () => {
    const choice = { key: "c", type: "single_choice", label: "C", isRequired: false, options: [{ key: "x", label: "X" }, { key: "x", label: "Y" }] };
    expect(definitionIssues({ fields: [choice] })).toEqual(["fields.0.options: Each choice needs its own key."]);
    expect(definitionIssues({ fields: [{ key: "n", type: "number", label: "N", isRequired: false, min: 5, max: 5 }] })).toEqual([
      "fields.0.max: The largest value must be above the smallest.",
    ]);
  });
});

describe("answers to an exercise form", () => {
  const form: TExerciseForm = THOUGHT_RECORD;

  it("accept a complete entry, and a draft with required fields still empty", () => {
    const entry = {
      situation: "Meeting at work",
      thought: "They think I'm useless",
      belief: 80,
      emotions: [{ emotion: "Anxious", intensity: 70 }],
      went_to_bed: "23:15",
      minutes: 45,
      mood: "low",
      steps: ["walk"],
      hours: 6.5,
    };
    expect(answerErrors(form, entry, { isComplete: true })).toEqual({});
    expect(answerErrors(form, { situation: "Meeting" }, { isComplete: false })).toEqual({});
    expect(answerErrors(form, { situation: "Meeting" }, { isComplete: true })).toEqual({ thought: [ANSWER_NEEDED], belief: [ANSWER_NEEDED] });
  });

  it("check each answer against its field's type and range, by field", () => {
    const errors = answerErrors(
      form,
      {
        situation: "x".repeat(201),
        thought: 5,
        belief: 101,
        went_to_bed: "25:00",
        minutes: -1,
        mood: "elated",
        steps: ["walk", "walk"],
        hours: 25,
        surprise: "?",
      },
      { isComplete: false },
    );
    expect(errors).toEqual({
      situation: ["Keep it to 200 characters."],
      thought: ["Write it as text."],
      belief: ["Choose a whole number from 0 to 100."],
      went_to_bed: ["Give a time like 07:30."],
      minutes: ["Give a number of minutes from 0 to 1440."],
      mood: ["Choose one of the options."],
      steps: ["Choose each option once."],
      hours: ["Give a number up to 24."],
      surprise: ["This form has no such question."],
    });
  });

  it("check a repeating group row by row, and its row limit", () => {
    const rows = Array.from({ length: 6 }, () => ({ emotion: "Sad", intensity: 40 }));
    expect(answerErrors(form, { emotions: rows }, { isComplete: false })).toEqual({ emotions: ["This part can have up to 5 rows."] });
    expect(answerErrors(form, { emotions: [{ emotion: "Sad", intensity: 140 }, { emotion: "", intensity: 10, colour: "blue" }] }, { isComplete: true })).toEqual({
      situation: [ANSWER_NEEDED],
      thought: [ANSWER_NEEDED],
      belief: [ANSWER_NEEDED],
      "emotions.0.intensity": ["Choose a whole number from 0 to 100."],
      "emotions.1.colour": ["This part has no such column."],
      "emotions.1.emotion": [ANSWER_NEEDED],
    });
  });

  it("keep numbers within bounds: a field's limits and a number answered", () => {
    const number = { key: "n", type: "number", label: "N", isRequired: false };
    expect(definitionIssues({ fields: [{ ...number, max: NUMBER_LIMIT }] })).toEqual([]);
    expect(definitionIssues({ fields: [{ ...number, max: NUMBER_LIMIT + 1 }] })).toEqual(["fields.0.max: Keep it up to 1,000,000."]);
    expect(definitionIssues({ fields: [{ ...number, min: -NUMBER_LIMIT - 1 }] })).toEqual(["fields.0.min: Keep it from -1,000,000."]);
    const open = ZExerciseFormSchema.parse({ fields: [number] });
    expect(answerErrors(open, { n: NUMBER_LIMIT }, { isComplete: true })).toEqual({});
    expect(answerErrors(open, { n: 1e12 }, { isComplete: true })).toEqual({ n: ["Give a number between -1,000,000 and 1,000,000."] });
  });
});
