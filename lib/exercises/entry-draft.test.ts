import { describe, expect, it } from "vitest";
import { ZExerciseFormSchema, type TAnswers } from "./form-definition";
import { STARTER_EXERCISES } from "./starters";
import { errorsWithout, errorSummary, isTypingChange, minutesInWords, withoutEmptyRows } from "./entry-draft";

const thoughtRecord = ZExerciseFormSchema.parse({ fields: STARTER_EXERCISES.find((starter) => starter.key === "thought_record")!.fields });
const sleepDiary = ZExerciseFormSchema.parse({ fields: STARTER_EXERCISES.find((starter) => starter.key === "sleep_diary")!.fields });

describe("when a change is kept", () => {
  it("waits for a pause in typed text and typed numbers", () => {
    expect(isTypingChange(thoughtRecord, "situation", undefined, "At work")).toBe(true);
    expect(isTypingChange(thoughtRecord, "thought", "I", "I'll")).toBe(true);
    expect(isTypingChange(sleepDiary, "minutes_to_sleep", null, 20)).toBe(true);
    expect(isTypingChange(sleepDiary, "awakenings", 1, 2)).toBe(true);
  });

  it("keeps a slider, a time or a choice at once", () => {
    expect(isTypingChange(thoughtRecord, "belief_before", null, 80)).toBe(false);
    expect(isTypingChange(sleepDiary, "in_bed_at", null, "23:00")).toBe(false);
    expect(isTypingChange(sleepDiary, "quality", 5, 6)).toBe(false);
    expect(isTypingChange(thoughtRecord, "no_such_field", null, "x")).toBe(false);
  });

  it("in a repeating group, goes by the column that changed and keeps added or removed rows at once", () => {
    expect(isTypingChange(thoughtRecord, "emotions", [], [{ emotion: "s" }])).toBe(true);
    expect(isTypingChange(thoughtRecord, "emotions", [{ emotion: "sad" }], [{ emotion: "sad", intensity: 70 }])).toBe(false);
    expect(isTypingChange(thoughtRecord, "emotions", [{ emotion: "sad" }], [{ emotion: "sad" }, {}])).toBe(false);
    expect(isTypingChange(thoughtRecord, "emotions", [{ emotion: "sad" }, { emotion: "tense" }], [{ emotion: "sad" }])).toBe(false);
    expect(isTypingChange(thoughtRecord, "emotions", [{ emotion: "sad" }, { emotion: "t" }], [{ emotion: "sad" }, { emotion: "te" }])).toBe(true);
  });
});

describe("tidying before sending", () => {
  it("drops a group's rows that hold nothing and leaves the rest alone", () => {
    const answers: TAnswers = { situation: "At work", emotions: [{ emotion: "sad", intensity: 70 }, {}, { emotion: "", intensity: null }] };
    expect(withoutEmptyRows(thoughtRecord, answers)).toEqual({ situation: "At work", emotions: [{ emotion: "sad", intensity: 70 }] });
    // Nothing to drop: the same object, so the page need not re-render.
    const clean: TAnswers = { situation: "At work", emotions: [{ emotion: "sad" }] };
    expect(withoutEmptyRows(thoughtRecord, clean)).toBe(clean);
  });

  it("clears a changed field's errors, its rows' too, and no other", () => {
    const errors = { situation: ["This one needs an answer."], emotions: ["Add at least one row."], "emotions.0.emotion": ["This one needs an answer."], emotional: ["x"] };
    expect(errorsWithout(errors, "emotions")).toEqual({ situation: ["This one needs an answer."], emotional: ["x"] });
    expect(errorsWithout(errors, "thought")).toBe(errors);
  });

  it("names each problem by its question, and a row's by its row and column, in the form's order", () => {
    expect(errorSummary(thoughtRecord, { "emotions.1.emotion": ["This one needs an answer."], situation: ["This one needs an answer."] })).toEqual([
      { path: "situation", label: "What was happening?", message: "This one needs an answer." },
      { path: "emotions.1.emotion", label: "What did you feel, and how strongly?, row 2: Feeling", message: "This one needs an answer." },
    ]);
  });
});

describe("minutes in words", () => {
  it("says hours and minutes as a person would", () => {
    expect(minutesInWords(0)).toBe("0 min");
    expect(minutesInWords(45)).toBe("45 min");
    expect(minutesInWords(60)).toBe("1 h");
    expect(minutesInWords(405)).toBe("6 h 45 min");
    expect(minutesInWords(-5)).toBe("0 min");
  });
});
