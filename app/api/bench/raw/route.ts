// The bench's baseline (scripts/bench.ts): the same SQL as the tRPC
// procedure `notifications.unreadCount` (the session with its user and unread
// count, then the count), through a plain `pg` pool with no framework, no
// validation and no cookie to decode: the bench passes the ids. Answers 404
// unless BENCH_ROUTES=true, which only `npm run bench` sets.
import pg from "pg";
import { getEnv, requireDatabaseUrl } from "@/server/env";

const globalForBench = globalThis as unknown as { allianceBenchPool?: pg.Pool };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function GET(request: Request) {
  if (!getEnv().BENCH_ROUTES) return new Response("Not found.", { status: 404 });
  const url = new URL(request.url);
  const sessionId = url.searchParams.get("session") ?? "";
  const userId = url.searchParams.get("user") ?? "";
  if (!UUID.test(sessionId) || !UUID.test(userId)) return new Response("Not found.", { status: 404 });
  globalForBench.allianceBenchPool ??= new pg.Pool({ connectionString: requireDatabaseUrl(), max: 10 });
  const pool = globalForBench.allianceBenchPool;
  // As server/auth/session-user.ts (findSessionRecord) and server/notifications/inbox.ts (unreadCount).
  const session = await pool.query(
    `SELECT s.created_at, s.last_seen_at, s.ended_at, s.ended_reason::text AS ended_reason,
            u.id, u.email, u.name, u.role::text AS role, u.time_zone, u.session_version, u.deactivated_at,
            (SELECT count(*)::int FROM notifications n WHERE n.user_id = u.id AND n.read_at IS NULL) AS unread_notifications
     FROM auth_sessions s JOIN users u ON u.id = s.user_id
     WHERE s.id = $1::uuid AND s.user_id = $2::uuid`,
    [sessionId, userId],
  );
  if (session.rowCount === 0) return new Response("Not found.", { status: 404 });
  const count = await pool.query(
    `SELECT COUNT(*) AS count FROM (SELECT id FROM notifications WHERE user_id = $1::uuid AND read_at IS NULL OFFSET 0) AS sub`,
    [userId],
  );
  return Response.json({ count: Number(count.rows[0].count) }, { headers: { "cache-control": "no-store" } });
}
