// "Since the last session", in one place: the window every "since the last
// session" figure counts in (the session brief, the client page's "Needs your
// attention") starts at the newest completed session that began before
// `until`, or at the start of time when there was none.
import { Prisma } from "../db/generated/client";

/** A scalar subquery: the window's start (timestamptz), for a CTE or a column. */
export function lastSessionStartSql(engagementId: string, until: Date): Prisma.Sql {
  return Prisma.sql`COALESCE((
          SELECT max(p.starts_at) FROM therapy_sessions p
          WHERE p.engagement_id = ${engagementId}::uuid AND p.status = 'completed' AND p.starts_at < ${until}
        ), 'epoch'::timestamptz)`;
}
