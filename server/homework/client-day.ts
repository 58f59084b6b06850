// Homework days are the client's calendar days, whoever is asking.
import type { TDb } from "../db/client";
import { localDay } from "../../lib/time/zones";
import { now as clockNow } from "../clock";

/** `knownTimeZone`: the client's zone when the caller already loaded it (the engagement resource (server/api/resources.ts) does), saving a statement. */
export async function clientToday(db: TDb, clientId: string | null, now = clockNow(), knownTimeZone?: string | null): Promise<string> {
  if (knownTimeZone !== undefined) return localDay(now, knownTimeZone ?? "UTC");
  const client = clientId ? await db.user.findUnique({ where: { id: clientId }, select: { timeZone: true } }) : null;
  return localDay(now, client?.timeZone ?? "UTC");
}
