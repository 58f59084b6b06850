// A sleep diary night in numbers (issue 23's sleep diary): the standard
// measures of CBT for insomnia, from what the client noted in the morning.
//
//   time in bed (TIB)      from going to bed until getting up, across midnight
//   total sleep time (TST) TIB minus the time to fall asleep, the time awake
//                          in the night, and the time between waking for good
//                          and getting up
//   sleep efficiency (SE)  TST as a share of TIB, in whole percent
//
// INVARIANTS
// - Times of day are wall-clock "HH:MM" on the client's own clock; a night
//   that crosses midnight is the normal case, and getting up at the minute
//   one went to bed means a full 24 hours is never assumed: it is 0 minutes.
// - Total sleep never goes below zero (a night with no sleep is 0, not an
//   error); efficiency is null when there was no time in bed to divide by.
// Client-safe: the form shows the figures as the client types; the charts
// and the brief read the same numbers.

export type TSleepNight = {
  /** "HH:MM": when they went to bed (lights out or not). */
  inBedAt: string;
  /** "HH:MM": when they got up for the day. */
  outOfBedAt: string;
  /** Minutes it took to fall asleep. */
  minutesToFallAsleep: number;
  /** Minutes awake in the night, all awakenings together. */
  minutesAwakeInNight: number;
  /** Minutes between waking for good and getting up (optional in the diary). */
  minutesAwakeBeforeRising?: number;
};

export type TSleepFigures = { minutesInBed: number; minutesAsleep: number; efficiencyPercent: number | null };

const MINUTES_PER_DAY = 24 * 60;

function minutesOfDay(time: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) throw new RangeError(`Not a time of day: ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** From bed to rising, forward on the clock: 23:30 → 07:00 is 450 minutes. */
export function minutesBetween(from: string, to: string): number {
  return (minutesOfDay(to) - minutesOfDay(from) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
}

export function sleepFigures(night: TSleepNight): TSleepFigures {
  const minutesInBed = minutesBetween(night.inBedAt, night.outOfBedAt);
  const awake = Math.max(0, night.minutesToFallAsleep) + Math.max(0, night.minutesAwakeInNight) + Math.max(0, night.minutesAwakeBeforeRising ?? 0);
  const minutesAsleep = Math.max(0, minutesInBed - awake);
  const efficiencyPercent = minutesInBed === 0 ? null : Math.round((minutesAsleep / minutesInBed) * 100);
  return { minutesInBed, minutesAsleep, efficiencyPercent };
}
