// When a measure is open for the client: the periods of an assignment.
//
// Invariants:
// - Each assignment answers at most one response per period, named by a
//   period key (unique per assignment in measure_responses):
//     once                 "once", open from the assignment on;
//     before_each_session  "session:<id>" for the next scheduled session,
//                          open from OPENS_DAYS_BEFORE_SESSION days before it
//                          until it starts, due the day before;
//     every_n_weeks        "every:<k>" for the k-th block of N weeks from
//                          the assignment, open for the whole block.
// - A stopped assignment has no open period.
// - Pure: the caller passes the instant (server/clock.ts) and the next session.
// Client-safe.

export type TMeasureScheduleKind = "once" | "before_each_session" | "every_n_weeks";

export const OPENS_DAYS_BEFORE_SESSION = 7;
export const MAX_INTERVAL_WEEKS = 12;

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

export type TScheduledAssignment = {
  schedule: TMeasureScheduleKind;
  intervalWeeks: number | null;
  createdAt: Date;
  stoppedAt: Date | null;
};

export type TPeriod = {
  key: string;
  opensAt: Date;
  /** When it stops being offered (the session starts; the block ends); null for `once`. */
  closesAt: Date | null;
  /** The session it is for (before_each_session). */
  sessionId: string | null;
  /** The instant it is best done by: a day before the session; null otherwise. */
  dueBy: Date | null;
};

/** The period open at `now`, or null when nothing is open (stopped, or no session coming up). */
export function openPeriod(
  assignment: TScheduledAssignment,
  now: Date,
  nextSession: { id: string; startsAt: Date } | null,
): TPeriod | null {
  if (assignment.stoppedAt && assignment.stoppedAt.getTime() <= now.getTime()) return null;
  switch (assignment.schedule) {
    case "once":
      return { key: "once", opensAt: assignment.createdAt, closesAt: null, sessionId: null, dueBy: null };
    case "before_each_session": {
      if (!nextSession || nextSession.startsAt.getTime() <= now.getTime()) return null;
      const opensAt = new Date(nextSession.startsAt.getTime() - OPENS_DAYS_BEFORE_SESSION * DAY_MS);
      if (opensAt.getTime() > now.getTime()) return null;
      return {
        key: `session:${nextSession.id}`,
        opensAt,
        closesAt: nextSession.startsAt,
        sessionId: nextSession.id,
        dueBy: new Date(nextSession.startsAt.getTime() - DAY_MS),
      };
    }
    case "every_n_weeks": {
      const blockMs = (assignment.intervalWeeks ?? 1) * WEEK_MS;
      const elapsed = now.getTime() - assignment.createdAt.getTime();
      if (elapsed < 0) return null;
      const block = Math.floor(elapsed / blockMs);
      const opensAt = new Date(assignment.createdAt.getTime() + block * blockMs);
      return { key: `every:${block}`, opensAt, closesAt: new Date(opensAt.getTime() + blockMs), sessionId: null, dueBy: null };
    }
  }
}

/** How the schedule reads in a sentence: "before every session". */
export function describeSchedule(assignment: Pick<TScheduledAssignment, "schedule" | "intervalWeeks">): string {
  switch (assignment.schedule) {
    case "once":
      return "once";
    case "before_each_session":
      return "before every session";
    case "every_n_weeks":
      return assignment.intervalWeeks === 1 ? "every week" : `every ${assignment.intervalWeeks} weeks`;
  }
}
