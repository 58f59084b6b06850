// Live updates for the session view: every change to a session's agenda,
// notes or status is announced on its topic; open pages refetch. The
// announcement carries the topic only, never content (server/live/bus.ts).
import type { TDb } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { publish } from "../live/bus";

export function sessionTopic(sessionId: string): string {
  return `session:${sessionId}`;
}

export function announceSessionChange(db: TDb | Prisma.TransactionClient, sessionId: string): Promise<void> {
  return publish(db, sessionTopic(sessionId));
}
