import { describe, expect, it } from "vitest";
import { answerErrors, ZExerciseFormSchema, type TAnswers } from "./form-definition";
import { beforeAfterPairs, briefLine, figuresOf, numericSeries, SLEEP_EFFICIENCY_KEY, SLEEP_TOTAL_KEY } from "./figures";
import { STARTER_EXERCISES } from "./starters";

const starter = (key: string) => ZExerciseFormSchema.parse({ fields: STARTER_EXERCISES.find((candidate) => candidate.key === key)!.fields });

describe("exercise figures", () => {
  const thoughtRecord = starter("thought_record");

  it("charts every numeric field, a group's numeric column as its rows' average", () => {
    expect(numericSeries(thoughtRecord).map((series) => series.key)).toEqual(["belief_before", "emotions.intensity", "belief_after", "feeling_after"]);
    const figures = figuresOf(thoughtRecord, { belief_before: 80, belief_after: 40, emotions: [{ emotion: "sad", intensity: 70 }, { emotion: "tense", intensity: 41 }] });
    expect(figures).toEqual({ belief_before: 80, "emotions.intensity": 56, belief_after: 40, feeling_after: null });
  });

  it("finds before/after pairs by key and names them in words", () => {
    expect(beforeAfterPairs(thoughtRecord)).toEqual([{ name: "belief", beforeKey: "belief_before", afterKey: "belief_after" }]);
    expect(beforeAfterPairs(starter("exposure_practice"))).toEqual([{ name: "anxiety", beforeKey: "anxiety_before", afterKey: "anxiety_after" }]);
  });

  it("says in one line how many were done and how the pair moved, counting only entries with both", () => {
    const entries: { form: typeof thoughtRecord; answers: TAnswers }[] = [
      { form: thoughtRecord, answers: { belief_before: 90, belief_after: 50 } },
      { form: thoughtRecord, answers: { belief_before: 70, belief_after: 40 } },
      { form: thoughtRecord, answers: { belief_before: 10 } },
    ];
    expect(briefLine("Thought record", entries)).toBe("Thought record: 3 done; belief fell from 80 to 45 on average");
    expect(briefLine("Thought record", [{ form: thoughtRecord, answers: { belief_before: 30, belief_after: 60 } }])).toBe(
      "Thought record: 1 done; belief rose from 30 to 60 on average",
    );
    expect(briefLine("Activity plan", [{ form: starter("activity_plan"), answers: {} }])).toBe("Activity plan: 1 done");
  });

  it("works out a sleep diary night, across midnight and with no sleep at all", () => {
    const diary = starter("sleep_diary");
    expect(numericSeries(diary).map((series) => series.key)).toContain(SLEEP_EFFICIENCY_KEY);
    const night = { in_bed_at: "23:00", minutes_to_sleep: 30, minutes_awake: 30, out_of_bed_at: "07:00" };
    expect(figuresOf(diary, night)).toMatchObject({ [SLEEP_TOTAL_KEY]: 420, [SLEEP_EFFICIENCY_KEY]: 88 });
    expect(figuresOf(diary, { ...night, minutes_to_sleep: 600 })).toMatchObject({ [SLEEP_TOTAL_KEY]: 0, [SLEEP_EFFICIENCY_KEY]: 0 });
    expect(figuresOf(diary, { ...night, out_of_bed_at: "23:00" })).toMatchObject({ [SLEEP_TOTAL_KEY]: 0, [SLEEP_EFFICIENCY_KEY]: null });
    expect(figuresOf(diary, { in_bed_at: "23:00" })).toMatchObject({ [SLEEP_TOTAL_KEY]: null, [SLEEP_EFFICIENCY_KEY]: null });
    expect(briefLine("Sleep diary", [{ form: diary, answers: night }])).toBe("Sleep diary: 1 done; sleep efficiency 88% on average");
  });

  it("accepts a ladder step only as a step id; whose ladder it is, the server checks", () => {
    const exposure = starter("exposure_practice");
    expect(answerErrors(exposure, { step: "the lift" }, { isComplete: true })).toEqual({ step: ["Choose a step from your ladder."] });
    expect(answerErrors(exposure, { step: "0190a0b2-7c1e-7d3a-9f00-0a1b2c3d4e5f" }, { isComplete: true })).toEqual({});
    expect(answerErrors(exposure, {}, { isComplete: true })).toEqual({ step: ["This one needs an answer."] });
  });
});
