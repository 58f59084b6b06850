// Demo data for trying Alliance out: one therapist with three clients, each
// five or six weeks into their work together, and one client (Priya) who
// also had an earlier therapist. The stories are data (./demo/maya.ts,
// ./demo/sam.ts, ./demo/priya.ts) with every date relative to `now`, so the
// demo always looks current; ./demo/load.ts turns them into records.
import { hashPassword } from "@/server/auth/password";
import { now as clockNow } from "@/server/clock";
import type { PrismaClient } from "@/server/db/generated/client";
import { seedStarterTemplates } from "./starter-templates";
import { DEMO_PASSWORD } from "@/server/auth/demo-accounts";
import { DEMO_THERAPIST } from "./demo/people";
import { loadDemo } from "./demo/load";

/**
 * Seeds the demo once. Returns { seeded: false } without writing anything when
 * the demo therapist already exists; otherwise writes everything in one
 * transaction, so a failure leaves no half-built demo behind.
 */
export async function seedDemo(db: PrismaClient, now: Date = clockNow()): Promise<{ seeded: boolean }> {
  const existing = await db.user.findUnique({ where: { email: DEMO_THERAPIST.email }, select: { id: true } });
  if (existing) return { seeded: false };

  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await db.$transaction(
    async (tx) => {
      await seedStarterTemplates(tx);
      await loadDemo(tx, { now, passwordHash });
    },
    { timeout: 60_000 },
  );
  return { seeded: true };
}
