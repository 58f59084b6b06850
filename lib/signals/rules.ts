// Flags for the therapist's caseload when session feedback falls or check-ins worsen.
// Pure and client-safe: no React, no server imports, so the caseload and its tests share one rulebook.

/** Thresholds, named so the README and tests can quote them. */
export const LOW_OVERALL_FEEDBACK = 5; // a session's overall score below this is a signal
export const FEEDBACK_DROP_POINTS = 2; // latest overall at least this far below the client's own average of up to 3 previous sessions
export const WORSENING_CHECK_INS = 3; // this many consecutive check-ins each lower (overall) than the one before

/** How many earlier sessions make up "their usual": recent enough to reflect how therapy is going now. */
const DROP_BASELINE_SESSIONS = 3;

export type TFeedbackPoint = { overall: number; createdAt: Date };
export type TCheckInPoint = { overall: number; createdAt: Date };
export type TSignal =
  | { kind: "low_feedback"; overall: number; at: Date }
  | { kind: "feedback_drop"; overall: number; average: number; at: Date }
  | { kind: "worsening_check_ins"; values: number[]; at: Date };

/** Signals from the latest data only: a signal clears once a newer, better answer arrives. Inputs in any order. */
export function signalsFor(input: { feedback: TFeedbackPoint[]; checkIns: TCheckInPoint[] }): TSignal[] {
  const feedback = usable(input.feedback);
  const checkIns = usable(input.checkIns);
  const signals: TSignal[] = [];

  const latest = feedback.at(-1);
  if (latest) {
    if (latest.overall < LOW_OVERALL_FEEDBACK) {
      signals.push({ kind: "low_feedback", overall: latest.overall, at: latest.createdAt });
    }
    const previous = feedback.slice(-1 - DROP_BASELINE_SESSIONS, -1);
    if (previous.length > 0) {
      const sum = previous.reduce((total, point) => total + point.overall, 0);
      const count = previous.length;
      // Compared as totals rather than a divided average, so e.g. 7,7,8 vs 5.3 can't flip on float rounding.
      if (latest.overall * count <= sum - FEEDBACK_DROP_POINTS * count) {
        signals.push({ kind: "feedback_drop", overall: latest.overall, average: oneDecimal(sum / count), at: latest.createdAt });
      }
    }
  }

  const recent = checkIns.slice(-WORSENING_CHECK_INS);
  const lastCheckIn = recent.at(-1);
  if (lastCheckIn && recent.length === WORSENING_CHECK_INS && strictlyDecreasing(recent.map((point) => point.overall))) {
    signals.push({ kind: "worsening_check_ins", values: recent.map((point) => point.overall), at: lastCheckIn.createdAt });
  }

  return signals;
}

/** Plain words for the therapist, e.g. "Last session rated 4/10, below their usual 7.3". */
export function describeSignal(signal: TSignal): string {
  switch (signal.kind) {
    case "low_feedback":
      return `Last session rated ${formatScore(signal.overall)}/10 overall`;
    case "feedback_drop":
      return `Last session rated ${formatScore(signal.overall)}/10, below their usual ${formatScore(signal.average)}`;
    case "worsening_check_ins": {
      // N check-ins make N − 1 drops: 7 → 5 → 4 is two drops, and the words must match the numbers shown.
      const drops = Math.max(0, signal.values.length - 1);
      const trail = signal.values.map(formatScore).join(" → ");
      return `Check-ins have dropped ${timesInWords(drops)} in a row (${trail})`;
    }
  }
}

/** Oldest first, without points that can't be placed in time or scored; ties keep input order (sort is stable). */
function usable<T extends { overall: number; createdAt: Date }>(points: T[]): T[] {
  return points
    .filter((point) => Number.isFinite(point.overall) && !Number.isNaN(point.createdAt.getTime()))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

function strictlyDecreasing(values: number[]): boolean {
  return values.every((value, index) => index === 0 || value < (values[index - 1] ?? Number.POSITIVE_INFINITY));
}

function oneDecimal(value: number): number {
  return Math.round(value * 10) / 10;
}

/** "7" rather than "7.0": whole scores read as people gave them. */
function formatScore(value: number): string {
  return String(oneDecimal(value));
}

function timesInWords(count: number): string {
  if (count === 1) return "once";
  if (count === 2) return "twice";
  const words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
  return `${words[count] ?? count} times`;
}
