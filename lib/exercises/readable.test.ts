import { describe, expect, it } from "vitest";
import { ZExerciseFormSchema, type TAnswers } from "./form-definition";
import { LADDER_STEP_GONE, readableAnswers } from "./readable";

const FORM = ZExerciseFormSchema.parse({
  fields: [
    { key: "step", type: "ladder_step", label: "Which step?", isRequired: true },
    { key: "done", type: "single_choice", label: "Did it happen?", isRequired: false, options: [{ key: "yes", label: "Yes" }, { key: "partly", label: "Partly" }] },
    { key: "helps", type: "checklist", label: "What helped", isRequired: false, options: [{ key: "breathe", label: "Slow breathing" }, { key: "walk", label: "A walk" }] },
    {
      key: "emotions",
      type: "repeating_group",
      label: "What did you feel?",
      isRequired: false,
      maxRows: 4,
      columns: [
        { key: "emotion", type: "short_text", label: "Feeling", isRequired: true },
        { key: "intensity", type: "rating_100", label: "How strong", isRequired: false },
      ],
    },
    { key: "learned", type: "long_text", label: "What did you notice?", isRequired: false },
  ],
});

describe("an exercise entry as words", () => {
  it("asks every question in order, choices and steps in words, a group as its rows, empty ones as null", () => {
    const ladder = new Map([["0189c1a2-7e5b-7000-8000-000000000001", "The bus, two stops"]]);
    const answers: TAnswers = {
      step: "0189c1a2-7e5b-7000-8000-000000000001",
      done: "partly",
      helps: ["walk", "breathe"],
      emotions: [{ emotion: "Nervous", intensity: 70 }, { emotion: "Proud" }],
    };
    expect(readableAnswers(FORM, answers, ladder)).toEqual([
      { question: "Which step?", answer: "The bus, two stops" },
      { question: "Did it happen?", answer: "Partly" },
      { question: "What helped", answer: ["A walk", "Slow breathing"] },
      {
        question: "What did you feel?",
        answer: [
          [
            { question: "Feeling", answer: "Nervous" },
            { question: "How strong", answer: 70 },
          ],
          [
            { question: "Feeling", answer: "Proud" },
            { question: "How strong", answer: null },
          ],
        ],
      },
      { question: "What did you notice?", answer: null },
    ]);
  });

  it("says so when a step left the ladder, and keeps a choice the form no longer explains as it was stored", () => {
    const read = readableAnswers(FORM, { step: "0189c1a2-7e5b-7000-8000-000000000009", done: "not_today" }, new Map());
    expect(read.slice(0, 2)).toEqual([
      { question: "Which step?", answer: LADDER_STEP_GONE },
      { question: "Did it happen?", answer: "not_today" },
    ]);
  });
});
