// The off-track rule (lib/measures/off-track.ts, offTrackFromSummary) as a SQL
// condition, for ordering the caseload inside its own statement: any measure
// of the engagement whose first and latest sent totals and number of answers
// meet it. The thresholds are the rule's own constants, passed as parameters;
// tests/integration/caseload-order.test.ts checks both agree.
import { Prisma } from "../db/generated/client";
import { INSTRUMENTS, type TMeasureKind } from "../../lib/measures/instruments";
import { OFF_TRACK_FROM, RELIABLE_CHANGE } from "../../lib/measures/off-track";
import { offTrackAfterAnswers } from "./off-track";

const KINDS = Object.keys(INSTRUMENTS) as TMeasureKind[];

function perKind(values: Record<TMeasureKind, number>): Prisma.Sql {
  return Prisma.sql`CASE l.kind::text ${Prisma.join(
    KINDS.map((kind) => Prisma.sql`WHEN ${kind} THEN ${values[kind]}::int`),
    " ",
  )} END`;
}

/** True when the engagement `engagementId` (an SQL expression) has a measure off track now. */
export function isOffTrackSql(engagementId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`EXISTS (
    SELECT 1 FROM (
      SELECT DISTINCT ON (r.kind) r.kind, r.total AS latest,
             first_value(r.total) OVER (PARTITION BY r.kind ORDER BY r.completed_at, r.id) AS first,
             count(*) OVER (PARTITION BY r.kind) AS answers
      FROM measure_responses r
      WHERE r.engagement_id = ${engagementId} AND r.completed_at IS NOT NULL
      ORDER BY r.kind, r.completed_at DESC
    ) l
    WHERE l.latest - l.first >= ${perKind(RELIABLE_CHANGE)}
       OR (l.answers >= ${offTrackAfterAnswers()}::int AND l.first - l.latest < ${perKind(RELIABLE_CHANGE)} AND l.latest >= ${perKind(OFF_TRACK_FROM)})
  )`;
}
