import { describe, expect, it } from "vitest";
import {
  describeSignal,
  FEEDBACK_DROP_POINTS,
  LOW_OVERALL_FEEDBACK,
  signalsFor,
  WORSENING_CHECK_INS,
  type TCheckInPoint,
  type TFeedbackPoint,
} from "./rules";

function at(day: number): Date {
  return new Date(Date.UTC(2026, 2, day, 12));
}

/** Oldest first, one a day, so tests read in time order. */
function feedback(...overalls: number[]): TFeedbackPoint[] {
  return overalls.map((overall, index) => ({ overall, createdAt: at(index + 1) }));
}

function checkIns(...overalls: number[]): TCheckInPoint[] {
  return overalls.map((overall, index) => ({ overall, createdAt: at(index + 1) }));
}

function kinds(input: { feedback?: TFeedbackPoint[]; checkIns?: TCheckInPoint[] }): string[] {
  return signalsFor({ feedback: input.feedback ?? [], checkIns: input.checkIns ?? [] }).map((signal) => signal.kind);
}

describe("thresholds", () => {
  it("are the documented values", () => {
    expect(LOW_OVERALL_FEEDBACK).toBe(5);
    expect(FEEDBACK_DROP_POINTS).toBe(2);
    expect(WORSENING_CHECK_INS).toBe(3);
  });
});

describe("signalsFor", () => {
  it("has nothing to say about no data", () => {
    expect(signalsFor({ feedback: [], checkIns: [] })).toEqual([]);
  });

  describe("low_feedback", () => {
    it("fires just below the threshold, on the latest session's date", () => {
      expect(signalsFor({ feedback: feedback(LOW_OVERALL_FEEDBACK - 1), checkIns: [] })).toEqual([
        { kind: "low_feedback", overall: 4, at: at(1) },
      ]);
    });

    it("does not fire exactly at the threshold", () => {
      expect(kinds({ feedback: feedback(LOW_OVERALL_FEEDBACK) })).toEqual([]);
    });

    it("clears once a newer, better session arrives", () => {
      expect(kinds({ feedback: feedback(3) })).toEqual(["low_feedback"]);
      expect(kinds({ feedback: feedback(3, 6) })).toEqual([]);
    });

    it("judges the latest by date, not by input order", () => {
      const unsorted = [
        { overall: 3, createdAt: at(5) },
        { overall: 4, createdAt: at(1) },
      ];
      expect(kinds({ feedback: unsorted })).toEqual(["low_feedback"]);
      expect(kinds({ feedback: [...unsorted].reverse() })).toEqual(["low_feedback"]);
      expect(kinds({ feedback: [{ overall: 3, createdAt: at(1) }, { overall: 6, createdAt: at(5) }] })).toEqual([]);
    });
  });

  describe("feedback_drop", () => {
    it("needs a previous session to compare with", () => {
      expect(kinds({ feedback: feedback(5) })).toEqual([]);
    });

    it("fires exactly at the drop, against one previous session", () => {
      expect(signalsFor({ feedback: feedback(8, 8 - FEEDBACK_DROP_POINTS), checkIns: [] })).toEqual([
        { kind: "feedback_drop", overall: 6, average: 8, at: at(2) },
      ]);
    });

    it("does not fire just short of the drop", () => {
      expect(kinds({ feedback: feedback(8, 7) })).toEqual([]);
    });

    it("averages only the three sessions before the latest, to one decimal", () => {
      // The early 0 is outside the window; 7, 7, 8 average 7.33…, and 5 is 2.33 below it.
      expect(signalsFor({ feedback: feedback(0, 7, 7, 8, 5), checkIns: [] })).toEqual([
        { kind: "feedback_drop", overall: 5, average: 7.3, at: at(5) },
      ]);
      // 6, 6, 7 average 6.33…: 5 is only 1.33 below.
      expect(kinds({ feedback: feedback(10, 6, 6, 7, 5) })).toEqual([]);
    });

    it("is exact at a fractional average (no float slip)", () => {
      // 7, 7, 8 average 22/3; 16/3 is exactly 2 below it.
      expect(kinds({ feedback: feedback(7, 7, 8, 16 / 3) })).toEqual(["feedback_drop"]);
    });

    it("uses date order for unsorted input", () => {
      const unsorted = [
        { overall: 6, createdAt: at(4) },
        { overall: 9, createdAt: at(1) },
        { overall: 8, createdAt: at(3) },
        { overall: 8, createdAt: at(2) },
      ];
      expect(signalsFor({ feedback: unsorted, checkIns: [] })).toEqual([
        { kind: "feedback_drop", overall: 6, average: 8.3, at: at(4) },
      ]);
    });

    it("clears once a newer session is back near their usual", () => {
      expect(kinds({ feedback: feedback(8, 8, 8, 6) })).toEqual(["feedback_drop"]);
      expect(kinds({ feedback: feedback(8, 8, 8, 6, 8) })).toEqual([]);
    });

    it("fires together with low_feedback when a usually good session scores low", () => {
      expect(signalsFor({ feedback: feedback(8, 9, 7, 3), checkIns: [] })).toEqual([
        { kind: "low_feedback", overall: 3, at: at(4) },
        { kind: "feedback_drop", overall: 3, average: 8, at: at(4) },
      ]);
    });

    it("leaves consistently low scores to low_feedback alone", () => {
      expect(kinds({ feedback: feedback(3, 4, 3, 3) })).toEqual(["low_feedback"]);
    });
  });

  describe("worsening_check_ins", () => {
    it("fires when the latest three fall strictly, with their values oldest first", () => {
      expect(signalsFor({ feedback: [], checkIns: checkIns(7, 5, 4) })).toEqual([
        { kind: "worsening_check_ins", values: [7, 5, 4], at: at(3) },
      ]);
    });

    it("does not fire on a level step", () => {
      expect(kinds({ checkIns: checkIns(7, 5, 5) })).toEqual([]);
      expect(kinds({ checkIns: checkIns(7, 7, 5) })).toEqual([]);
    });

    it("needs the full run of check-ins", () => {
      expect(kinds({ checkIns: [] })).toEqual([]);
      expect(kinds({ checkIns: checkIns(7, 5) })).toEqual([]);
    });

    it("looks only at the latest run, so it clears once a better check-in arrives", () => {
      expect(kinds({ checkIns: checkIns(9, 7, 5, 4) })).toEqual(["worsening_check_ins"]);
      expect(kinds({ checkIns: checkIns(7, 5, 4, 6) })).toEqual([]);
      expect(kinds({ checkIns: checkIns(2, 8, 6, 5) })).toEqual(["worsening_check_ins"]);
    });

    it("uses date order for unsorted input", () => {
      const unsorted = [
        { overall: 4, createdAt: at(9) },
        { overall: 7, createdAt: at(1) },
        { overall: 5, createdAt: at(4) },
      ];
      expect(signalsFor({ feedback: [], checkIns: unsorted })).toEqual([
        { kind: "worsening_check_ins", values: [7, 5, 4], at: at(9) },
      ]);
      // The same values in a different time order are not a fall.
      const rising = [
        { overall: 4, createdAt: at(1) },
        { overall: 7, createdAt: at(9) },
        { overall: 5, createdAt: at(4) },
      ];
      expect(kinds({ checkIns: rising })).toEqual([]);
    });

    it("is independent of feedback", () => {
      expect(kinds({ feedback: feedback(9, 3), checkIns: checkIns(7, 5, 4) })).toEqual([
        "low_feedback",
        "feedback_drop",
        "worsening_check_ins",
      ]);
    });
  });

  it("ignores points with an invalid date or score", () => {
    const broken = [
      { overall: Number.NaN, createdAt: at(9) },
      { overall: 1, createdAt: new Date("not a date") },
    ];
    expect(kinds({ feedback: [...feedback(7), ...broken] })).toEqual([]);
    expect(kinds({ checkIns: [...checkIns(7, 5, 4), ...broken] })).toEqual(["worsening_check_ins"]);
  });
});

describe("describeSignal", () => {
  it("words a low score", () => {
    expect(describeSignal({ kind: "low_feedback", overall: 3, at: at(1) })).toBe("Last session rated 3/10 overall");
  });

  it("words a drop with the average to one decimal, and whole averages without a decimal", () => {
    expect(describeSignal({ kind: "feedback_drop", overall: 4, average: 7.3, at: at(1) })).toBe(
      "Last session rated 4/10, below their usual 7.3",
    );
    expect(describeSignal({ kind: "feedback_drop", overall: 6, average: 8, at: at(1) })).toBe(
      "Last session rated 6/10, below their usual 8",
    );
  });

  it("counts the drops between check-ins, not the check-ins", () => {
    expect(describeSignal({ kind: "worsening_check_ins", values: [7, 5, 4], at: at(1) })).toBe(
      "Check-ins have dropped twice in a row (7 → 5 → 4)",
    );
    expect(describeSignal({ kind: "worsening_check_ins", values: [9, 7, 5, 4], at: at(1) })).toBe(
      "Check-ins have dropped three times in a row (9 → 7 → 5 → 4)",
    );
  });

  it("words every signal signalsFor can produce", () => {
    const signals = signalsFor({ feedback: feedback(9, 8, 9, 2), checkIns: checkIns(6, 4, 1) });
    expect(signals.map(describeSignal)).toEqual([
      "Last session rated 2/10 overall",
      "Last session rated 2/10, below their usual 8.7",
      "Check-ins have dropped twice in a row (6 → 4 → 1)",
    ]);
  });
});
