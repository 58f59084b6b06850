import { describe, expect, it } from "vitest";
import { ZExerciseFormSchema } from "./form-definition";
import { numericSeries } from "./figures";
import { STARTER_EXERCISES } from "./starters";
import { chartGroups, niceMax, scaleCaption, type TChartSeries } from "./chart-groups";

function formOf(key: string) {
  return ZExerciseFormSchema.parse({ fields: STARTER_EXERCISES.find((starter) => starter.key === key)!.fields });
}

/** Every series of the form, each with one point per value given for it. */
function chartsOf(form: ReturnType<typeof formOf>, values: Record<string, number[]>): TChartSeries[] {
  return numericSeries(form)
    .filter((series) => values[series.key])
    .map((series) => ({ ...series, points: values[series.key]!.map((value, index) => ({ date: `2026-03-0${index + 1}`, value })) }));
}

describe("which series share a chart", () => {
  it("draws belief before and after in one chart, where the first of them stood, and the rest alone", () => {
    const form = formOf("thought_record");
    const groups = chartGroups(form.fields, chartsOf(form, { belief_before: [80, 70], "emotions.intensity": [60], belief_after: [40, 30], feeling_after: [30] }));
    expect(groups.map((group) => group.title)).toEqual(["Belief: before and after", "How strong (0–100), on average", "How strong is the main feeling now?"]);
    expect(groups[0]).toMatchObject({ key: "belief", max: 100, series: [{ key: "belief_before", label: "Before" }, { key: "belief_after", label: "After" }] });
    expect(groups[0]!.series[1]!.points).toEqual([
      { date: "2026-03-01", value: 40 },
      { date: "2026-03-02", value: 30 },
    ]);
  });

  it("puts anxiety at its highest between before and after", () => {
    const form = formOf("exposure_practice");
    const groups = chartGroups(form.fields, chartsOf(form, { anxiety_before: [70], anxiety_peak: [90], anxiety_after: [30], minutes: [25, 40] }));
    expect(groups.map((group) => group.title)).toEqual(["Anxiety: before, at its highest and after", "How long did you stay with it (minutes)?"]);
    expect(groups[0]!.series.map((series) => series.label)).toEqual(["Before", "At its highest", "After"]);
    // A duration has no scale of its own: rounded up from the longest.
    expect(groups[1]).toMatchObject({ unit: "minutes", max: 50 });
  });

  it("keeps a pair's chart with only one side answered so far", () => {
    const form = formOf("thought_record");
    expect(chartGroups(form.fields, chartsOf(form, { belief_before: [80] }))).toMatchObject([{ title: "Belief: before", series: [{ label: "Before" }] }]);
    expect(chartGroups(form.fields, [])).toEqual([]);
  });

  it("gives a sleep diary its total sleep (in hours) and efficiency on their own scales", () => {
    const form = formOf("sleep_diary");
    const groups = chartGroups(form.fields, chartsOf(form, { minutes_to_sleep: [30, 45], sleep_total_minutes: [390, 425], sleep_efficiency: [81, 88], quality: [6] }));
    expect(groups.map((group) => [group.title, group.max, scaleCaption(group)])).toEqual([
      ["About how long did it take to fall asleep (minutes)?", 50, "In minutes."],
      ["How well did you sleep?", 10, "From 0 to 10."],
      ["Total sleep", 10, "In hours."],
      ["Sleep efficiency", 100, "In percent."],
    ]);
    expect(groups[2]!.series[0]!.points.map((point) => point.value)).toEqual([6.5, 7.1]);
  });
});

describe("a scale's top", () => {
  it("is 1, 2 or 5 times a power of ten at or above the largest value", () => {
    expect([0, 1, 3, 10, 11, 45, 390, 1440].map(niceMax)).toEqual([1, 1, 5, 10, 20, 50, 500, 2000]);
    expect(niceMax(Number.NaN)).toBe(1);
  });
});
