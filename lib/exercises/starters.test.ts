import { describe, expect, it } from "vitest";
import { answerErrors, ZExerciseFormSchema } from "./form-definition";
import { LEARNED_FIELD, STARTER_EXERCISES } from "./starters";
import { sleepFigures } from "./sleep";

describe("starter exercises", () => {
  it.each(STARTER_EXERCISES.map((starter) => [starter.key, starter] as const))("%s is a valid form that ends by asking what was learned", (_key, starter) => {
    const parsed = ZExerciseFormSchema.safeParse({ fields: starter.fields });
    expect(parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`)).toEqual([]);
    expect(starter.fields.at(-1)).toEqual(LEARNED_FIELD);
    expect(LEARNED_FIELD.isRequired).toBe(false);
  });

  it("have their own keys and titles", () => {
    expect(new Set(STARTER_EXERCISES.map((starter) => starter.key)).size).toBe(STARTER_EXERCISES.length);
    expect(new Set(STARTER_EXERCISES.map((starter) => starter.title)).size).toBe(STARTER_EXERCISES.length);
  });

  it("a sleep diary entry is checked against its fields and gives the night's figures", () => {
    const diary = ZExerciseFormSchema.parse({ fields: STARTER_EXERCISES.find((starter) => starter.key === "sleep_diary")!.fields });
    const night = { in_bed_at: "23:40", minutes_to_sleep: 35, awakenings: 2, minutes_awake: 25, out_of_bed_at: "06:50", quality: 6 };
    expect(answerErrors(diary, night, { isComplete: true })).toEqual({});
    expect(answerErrors(diary, { ...night, out_of_bed_at: "7" }, { isComplete: true })).toEqual({ out_of_bed_at: ["Give a time like 07:30."] });
    expect(
      sleepFigures({ inBedAt: night.in_bed_at, outOfBedAt: night.out_of_bed_at, minutesToFallAsleep: night.minutes_to_sleep, minutesAwakeInNight: night.minutes_awake }),
    ).toEqual({ minutesInBed: 430, minutesAsleep: 370, efficiencyPercent: 86 });
  });
});
