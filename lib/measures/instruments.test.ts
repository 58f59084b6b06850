import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  ANSWER_NEEDED,
  answerErrors,
  ANSWER_OPTIONS,
  bandFor,
  changeBetween,
  describeChange,
  DIFFICULTY_OPTIONS,
  INSTRUMENTS,
  isSafetyAnswer,
  MEASURE_KINDS,
  scoreMeasure,
} from "./instruments";

type TFixture = {
  answers: string[];
  difficulty_answers: string[];
} & Record<"phq9" | "gad7", { stem: string; items: string[]; difficulty: string; bands: [number, number, string][] }>;

const fixture = JSON.parse(readFileSync(path.resolve("tests/fixtures/measures.json"), "utf8")) as TFixture;

/** Answers for `kind` adding up to `total`, filled from the first item. */
function answersFor(itemCount: number, total: number): number[] {
  return Array.from({ length: itemCount }, (_, index) => Math.max(0, Math.min(3, total - index * 3)));
}

describe("the published wording", () => {
  it.each(MEASURE_KINDS)("%s: the stem, every item and the difficulty question match the fixture", (kind) => {
    expect(INSTRUMENTS[kind].stem).toBe(fixture[kind].stem);
    expect([...INSTRUMENTS[kind].items]).toEqual(fixture[kind].items);
    expect(INSTRUMENTS[kind].difficulty).toBe(fixture[kind].difficulty);
  });

  it("answers and difficulty answers match the fixture, scored 0 to 3", () => {
    expect(ANSWER_OPTIONS.map((option) => option.label)).toEqual(fixture.answers);
    expect(ANSWER_OPTIONS.map((option) => option.value)).toEqual([0, 1, 2, 3]);
    expect(DIFFICULTY_OPTIONS.map((option) => option.label)).toEqual(fixture.difficulty_answers);
  });

  it("PHQ-9 has 9 items and GAD-7 has 7", () => {
    expect(INSTRUMENTS.phq9.items).toHaveLength(9);
    expect(INSTRUMENTS.gad7.items).toHaveLength(7);
  });
});

describe("scoring", () => {
  it.each(MEASURE_KINDS)("%s: every possible total is the sum of the answers, in its published band", (kind) => {
    const { items, maxTotal } = INSTRUMENTS[kind];
    for (let total = 0; total <= maxTotal; total += 1) {
      const answers = answersFor(items.length, total);
      const expectedBand = fixture[kind].bands.find(([from, to]) => total >= from && total <= to)!;
      const score = scoreMeasure(kind, answers);
      expect(score.total, `${kind} ${total}`).toBe(total);
      expect(score.band.label, `${kind} ${total}`).toBe(expectedBand[2]);
      expect([score.band.from, score.band.to]).toEqual([expectedBand[0], expectedBand[1]]);
    }
  });

  it("puts every band edge on the right side", () => {
    const edges: [typeof MEASURE_KINDS[number], number, string][] = [
      ["phq9", 0, "None–minimal"], ["phq9", 4, "None–minimal"], ["phq9", 5, "Mild"], ["phq9", 9, "Mild"],
      ["phq9", 10, "Moderate"], ["phq9", 14, "Moderate"], ["phq9", 15, "Moderately severe"], ["phq9", 19, "Moderately severe"],
      ["phq9", 20, "Severe"], ["phq9", 27, "Severe"],
      ["gad7", 0, "Minimal"], ["gad7", 4, "Minimal"], ["gad7", 5, "Mild"], ["gad7", 9, "Mild"],
      ["gad7", 10, "Moderate"], ["gad7", 14, "Moderate"], ["gad7", 15, "Severe"], ["gad7", 21, "Severe"],
    ];
    for (const [kind, total, label] of edges) expect(bandFor(kind, total).label, `${kind} ${total}`).toBe(label);
  });

  it("the same total scores the same however the answers are spread", () => {
    expect(scoreMeasure("phq9", [3, 0, 0, 0, 0, 0, 0, 0, 2]).total).toBe(5);
    expect(scoreMeasure("phq9", [1, 1, 1, 1, 1, 0, 0, 0, 0]).band.label).toBe("Mild");
  });

  it("refuses totals and answers outside the published ranges", () => {
    expect(() => bandFor("phq9", 28)).toThrow(RangeError);
    expect(() => bandFor("gad7", 22)).toThrow(RangeError);
    expect(() => bandFor("gad7", -1)).toThrow(RangeError);
    expect(() => bandFor("phq9", 4.5)).toThrow(RangeError);
    expect(() => scoreMeasure("gad7", [0, 0, 0, 0, 0, 0])).toThrow(RangeError);
    expect(() => scoreMeasure("gad7", [0, 0, 0, 0, 0, 0, 4])).toThrow(RangeError);
  });
});

describe("the safety item and reliable change", () => {
  it("only PHQ-9 item 9 above 0 starts the safety flow", () => {
    expect(isSafetyAnswer("phq9", [0, 0, 0, 0, 0, 0, 0, 0, 1])).toBe(true);
    expect(isSafetyAnswer("phq9", [3, 3, 3, 3, 3, 3, 3, 3, 0])).toBe(false);
    expect(isSafetyAnswer("phq9", [null, null, null, null, null, null, null, null, null])).toBe(false);
    expect(isSafetyAnswer("gad7", [3, 3, 3, 3, 3, 3, 3])).toBe(false);
  });

  it("calls a change reliable from 5 PHQ-9 points and 4 GAD-7 points, in words", () => {
    expect(changeBetween("phq9", 16, 12)).toEqual({ points: -4, isReliable: false, direction: "better" });
    expect(changeBetween("phq9", 16, 11)).toEqual({ points: -5, isReliable: true, direction: "better" });
    expect(changeBetween("gad7", 8, 12)).toEqual({ points: 4, isReliable: true, direction: "worse" });
    expect(describeChange("phq9", changeBetween("phq9", 16, 10), "3 March")).toBe("6 points lower than on 3 March: a reliable improvement.");
    expect(describeChange("gad7", changeBetween("gad7", 8, 9), "3 March")).toBe("1 point higher than on 3 March: within the range that can be day-to-day variation.");
    expect(describeChange("gad7", changeBetween("gad7", 8, 8), "3 March")).toBe("The same as on 3 March.");
  });
});

describe("answerErrors", () => {
  const allZero = { q1: 0, q2: 0, q3: 0, q4: 0, q5: 0, q6: 0, q7: 0, q8: 0, q9: 0 };
  it("lets a draft through with any answers so far, but not answers past the last item", () => {
    expect(answerErrors("phq9", { q1: 2 }, { complete: false })).toEqual({});
    expect(answerErrors("gad7", { q8: 1 }, { complete: false })).toEqual({ q8: ["GAD-7 has 7 questions."] });
  });
  it("names each unanswered item of a finished response", () => {
    expect(Object.keys(answerErrors("gad7", { q1: 1, q3: 0 }, { complete: true })).sort()).toEqual(["difficulty", "q2", "q4", "q5", "q6", "q7"]);
  });
  it("asks the difficulty question only once a problem was checked, as the form says", () => {
    expect(answerErrors("phq9", allZero, { complete: true })).toEqual({});
    expect(answerErrors("phq9", { ...allZero, q4: 1 }, { complete: true })).toEqual({ difficulty: [ANSWER_NEEDED] });
    expect(answerErrors("phq9", { ...allZero, q4: 1, difficulty: 0 }, { complete: true })).toEqual({});
  });
});
