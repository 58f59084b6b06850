// Homework days are the client's calendar days, whoever is asking.
import type { TDb } from "../db/client";
import { localToday } from "../../lib/homework/schedule";
import { now as clockNow } from "../clock";

export async function clientToday(db: TDb, clientId: string | null, now = clockNow()): Promise<string> {
  const client = clientId ? await db.user.findUnique({ where: { id: clientId }, select: { timeZone: true } }) : null;
  return localToday(client?.timeZone ?? "UTC", now);
}
