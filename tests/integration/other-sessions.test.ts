// "Sign out everywhere else" through the real routes: two browsers signed in
// to one account; one ends the other, whose next request is refused, and
// carries on itself.
import { appRoute, setNextAuthTestEnv, signInThroughNextAuth } from "../support/next-route";
import superjson from "superjson";
import { afterAll, describe, expect, it } from "vitest";
import * as authRouteFile from "@/app/api/auth/[...nextauth]/route";
import * as trpcRouteFile from "@/app/api/trpc/[trpc]/route";
import { getDb } from "@/server/db/client";
import { callerFor, seedClient, seedTherapist, TEST_PASSWORD } from "../factories";
import { connectTestDb } from "../support/db";

setNextAuthTestEnv();
const db = connectTestDb();
afterAll(() => getDb().$disconnect());

const authRoute = appRoute("/api/auth/[...nextauth]/route", authRouteFile);
const trpcRoute = appRoute("/api/trpc/[trpc]/route", trpcRouteFile);

async function query(cookie: string, path: string) {
  const response = await trpcRoute(new Request(`http://localhost/api/trpc/${path}`, { headers: { cookie } }), { trpc: path });
  return { status: response.status, body: (await response.json()) as { result?: { data: { json: unknown } } } };
}

async function mutate(cookie: string, path: string) {
  const response = await trpcRoute(
    new Request(`http://localhost/api/trpc/${path}`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify(superjson.serialize(undefined)),
    }),
    { trpc: path },
  );
  return { status: response.status, body: (await response.json()) as { result?: { data: { json: unknown } } } };
}

describe("account.signOutOthers", () => {
  it("ends the other browser's session on its next request and keeps this one", async () => {
    const client = await seedClient(db);
    const bystander = await seedTherapist(db);
    const laptop = await signInThroughNextAuth(authRoute, { email: client.email, password: TEST_PASSWORD }, "10.88.0.1");
    const phone = await signInThroughNextAuth(authRoute, { email: client.email, password: TEST_PASSWORD }, "10.88.0.2");
    const elsewhere = await signInThroughNextAuth(authRoute, { email: bystander.email, password: TEST_PASSWORD }, "10.88.0.3");

    expect((await query(laptop, "account.otherSessions")).body.result?.data.json).toEqual({ count: 1 });
    const signedOut = await mutate(laptop, "account.signOutOthers");
    expect(signedOut.status).toBe(200);
    expect(signedOut.body.result?.data.json).toEqual({ ended: 1 });

    // The phone's next request is refused; the laptop carries on; nobody else is touched.
    expect((await query(phone, "account.me")).status).toBe(401);
    expect((await query(laptop, "account.me")).status).toBe(200);
    expect((await query(elsewhere, "account.me")).status).toBe(200);
    expect((await query(laptop, "account.otherSessions")).body.result?.data.json).toEqual({ count: 0 });

    const rows = await db.authSession.findMany({ where: { userId: client.id }, select: { endedAt: true, endedReason: true } });
    expect(rows.filter((row) => row.endedAt === null)).toHaveLength(1);
    expect(rows.filter((row) => row.endedReason === "revoked")).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { actorId: client.id, action: "end_other_sessions" } })).toBe(1);
  });

  it("counts only browsers still signed in, and only the caller's own", async () => {
    const therapist = await seedTherapist(db);
    const other = await seedTherapist(db);
    const current = await callerFor(db, therapist);
    await callerFor(db, therapist);
    await callerFor(db, other);
    // A session ended on purpose and one long idle are not "signed in elsewhere".
    const ended = await db.authSession.create({ data: { userId: therapist.id, lastSeenAt: new Date(), endedAt: new Date(), endedReason: "signed_out" } });
    await db.authSession.create({ data: { userId: therapist.id, lastSeenAt: new Date(Date.now() - 24 * 3_600_000), createdAt: new Date(Date.now() - 24 * 3_600_000) } });
    expect(await current.account.otherSessions()).toEqual({ count: 1 });
    expect(await current.account.signOutOthers()).toEqual({ ended: 1 });
    expect(await db.authSession.findUniqueOrThrow({ where: { id: ended.id }, select: { endedReason: true } })).toEqual({ endedReason: "signed_out" });
    expect(await db.authSession.count({ where: { userId: other.id, endedAt: null } })).toBe(1);
    expect(await current.account.me()).toMatchObject({ id: therapist.id });
  });
});
