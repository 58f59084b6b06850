import { describe, expect, it } from "vitest";
import { latestInWords, peakPoints, peaksInWords, practiceCount, type TLadderPractice } from "./ladder";

const practice = (day: number, before: number | null, peak: number | null, after: number | null): TLadderPractice => ({
  sentAt: new Date(Date.UTC(2026, 2, day, 19)),
  before,
  peak,
  after,
});

describe("a ladder step's practices in words", () => {
  it("counts them without judging", () => {
    expect(practiceCount(0)).toBe("Not practised yet.");
    expect(practiceCount(1)).toBe("Practised once.");
    expect(practiceCount(2)).toBe("Practised twice.");
    expect(practiceCount(7)).toBe("Practised 7 times.");
  });

  it("says the latest (the first given) practice's figures, leaving out what it didn't give", () => {
    const newestFirst = [practice(5, 60, 75, 30), practice(2, 70, 90, 50)];
    expect(latestInWords(newestFirst)).toBe("Last time: 60 just before, 75 at its highest, 30 at the end.");
    expect(latestInWords([practice(5, null, 40, null)])).toBe("Last time: 40 at its highest.");
    expect(latestInWords([practice(5, 0, 0, 0)])).toBe("Last time: 0 just before, 0 at its highest, 0 at the end.");
    expect(latestInWords([practice(5, null, null, null)])).toBeNull();
    expect(latestInWords([])).toBeNull();
  });
});

describe("a ladder step's chart", () => {
  it("plots each practice's peak, oldest first, skipping practices without one", () => {
    const points = peakPoints([practice(9, 50, 55, 20), practice(6, 60, null, 40), practice(3, 70, 90, 60)]);
    expect(points.map((point) => point.value)).toEqual([90, 55]);
    expect(points[0]!.at.getTime()).toBeLessThan(points[1]!.at.getTime());
  });

  it("describes the peaks in words", () => {
    expect(peaksInWords([])).toBe("No practice has a highest anxiety yet.");
    expect(peaksInWords([{ value: 80 }])).toBe("Highest anxiety: 80.");
    expect(peaksInWords([{ value: 80 }, { value: 60 }, { value: 45 }])).toBe("Highest anxiety: first 80, latest 45.");
  });
});
