import { describe, expect, it } from "vitest";
import { describeOffTrack, OFF_TRACK_AFTER_ANSWERS, OFF_TRACK_CHECKLIST, OFF_TRACK_FROM, offTrackFor, RELIABLE_CHANGE } from "./off-track";

describe("thresholds", () => {
  it("are the documented values", () => {
    expect(RELIABLE_CHANGE).toEqual({ phq9: 5, gad7: 4 });
    expect(OFF_TRACK_AFTER_ANSWERS).toBe(4);
    expect(OFF_TRACK_FROM).toEqual({ phq9: 10, gad7: 10 });
  });

  it("name six checklist items with distinct keys", () => {
    expect(new Set(OFF_TRACK_CHECKLIST.map((item) => item.key)).size).toBe(6);
  });
});

describe("offTrackFor: reliable deterioration", () => {
  it("fires at exactly the reliable change, at any time (PHQ-9 5, GAD-7 4)", () => {
    expect(offTrackFor("phq9", [3, 8])).toEqual({ rule: "deterioration", kind: "phq9", first: 3, latest: 8, answers: 2 });
    expect(offTrackFor("gad7", [2, 6])?.rule).toBe("deterioration");
  });

  it("does not fire one point short of it", () => {
    expect(offTrackFor("phq9", [3, 7])).toBeNull();
    expect(offTrackFor("gad7", [2, 5])).toBeNull();
  });

  it("compares the latest with the first, not with the highest", () => {
    expect(offTrackFor("phq9", [3, 12, 7])).toBeNull();
  });

  it("clears once a newer answer is back within the reliable change", () => {
    expect(offTrackFor("phq9", [8, 14])?.rule).toBe("deterioration");
    expect(offTrackFor("phq9", [8, 14, 9])).toBeNull();
  });

  it("wins over no improvement when both hold", () => {
    expect(offTrackFor("phq9", [10, 12, 13, 15])?.rule).toBe("deterioration");
  });

  it("says nothing about one answer or none", () => {
    expect(offTrackFor("phq9", [])).toBeNull();
    expect(offTrackFor("phq9", [27])).toBeNull();
  });
});

describe("offTrackFor: no reliable improvement", () => {
  it("fires at N answers, still at the moderate band's lowest total", () => {
    expect(offTrackFor("phq9", [12, 11, 10, 10])).toEqual({ rule: "no_improvement", kind: "phq9", first: 12, latest: 10, answers: 4 });
    expect(offTrackFor("gad7", [12, 12, 11, 10])?.rule).toBe("no_improvement");
  });

  it("waits for N answers (N − 1 is too early)", () => {
    expect(offTrackFor("phq9", [14, 14, 14])).toBeNull();
    expect(offTrackFor("phq9", [14, 14, 14, 14])?.rule).toBe("no_improvement");
  });

  it("does not fire once the latest is below moderate (9)", () => {
    expect(offTrackFor("phq9", [12, 11, 10, 9])).toBeNull();
    expect(offTrackFor("gad7", [12, 12, 11, 9])).toBeNull();
  });

  it("does not fire after a reliable improvement, even when still moderate", () => {
    // PHQ-9 19 → 14 is 5 points lower: reliable, so on track.
    expect(offTrackFor("phq9", [19, 17, 15, 14])).toBeNull();
    // GAD-7 15 → 11 is 4 lower.
    expect(offTrackFor("gad7", [15, 14, 13, 11])).toBeNull();
  });

  it("fires one point short of a reliable improvement", () => {
    expect(offTrackFor("phq9", [19, 17, 15, 15])?.rule).toBe("no_improvement");
    expect(offTrackFor("gad7", [15, 14, 13, 12])?.rule).toBe("no_improvement");
  });

  it("takes N from the installation", () => {
    expect(offTrackFor("phq9", [14, 14], 2)?.rule).toBe("no_improvement");
    expect(offTrackFor("phq9", [14, 14, 14, 14], 6)).toBeNull();
    expect(offTrackFor("phq9", [14, 14, 14, 14, 14, 14], 6)?.rule).toBe("no_improvement");
  });

  it("clears when a newer answer drops below moderate", () => {
    expect(offTrackFor("phq9", [14, 14, 14, 14])).not.toBeNull();
    expect(offTrackFor("phq9", [14, 14, 14, 14, 8])).toBeNull();
  });
});

describe("describeOffTrack", () => {
  it("says what happened, with the numbers", () => {
    expect(describeOffTrack(offTrackFor("phq9", [8, 14])!)).toBe("PHQ-9 has risen 6 points since the first answer (8 → 14)");
    expect(describeOffTrack(offTrackFor("phq9", [14, 14, 13, 14])!)).toBe(
      "PHQ-9 hasn't reliably improved over 4 answers and is still moderate (14)",
    );
    expect(describeOffTrack(offTrackFor("gad7", [16, 16, 16, 16])!)).toBe(
      "GAD-7 hasn't reliably improved over 4 answers and is still severe (16)",
    );
  });
});
