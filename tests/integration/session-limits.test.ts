// Session limits against a real Postgres (docs/security-and-privacy.md, S9): idle per role,
// the absolute lifetime, sign-out, and lastSeenAt written at most once a
// minute. Time moves through server/clock.ts; nothing sleeps.
import { inRequestScope } from "../support/next-route";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import { checkCredentials } from "@/server/auth/accounts";
import { authOptions } from "@/server/auth/options";
import { deviceCookieName } from "@/server/auth/device-cookie";
import { sessionLimits } from "@/server/auth/session-limits";
import { loadSessionUser, SESSION_USER_SELECT, toSessionUser, type TSessionClaims } from "@/server/auth/session-user";
import { advanceClockForTests, freezeClockForTests, resetClock } from "@/server/clock";
import { getDb } from "@/server/db/client";
import { callerFor, seedClient, seedTherapist, TEST_PASSWORD } from "../factories";
import { connectTestDb } from "../support/db";
import { rejection } from "../support/errors";
import { connectCountingDb } from "../support/statement-counter";
import { CLIENT_ADDRESS_HEADER } from "@/server/auth/request-meta";

const db = connectTestDb();
const counting = connectCountingDb();
const MINUTE = 60_000;

beforeEach(() => {
  freezeClockForTests();
});
afterEach(resetClock);
// authorize() and the sign-out event use the app's own client.
afterAll(() => getDb().$disconnect());

/** Signs in through the same rule next-auth's authorize() uses; returns what the cookie would carry. */
async function signIn(user: { email: string }): Promise<TSessionClaims> {
  const result = await checkCredentials(db, { email: user.email, password: TEST_PASSWORD }, "10.77.0.1");
  if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
  return result.claims;
}

async function isAlive(claims: TSessionClaims): Promise<boolean> {
  return (await loadSessionUser(db, claims)).ok;
}

function sessionRow(claims: TSessionClaims) {
  return db.authSession.findUniqueOrThrow({ where: { id: claims.sessionId } });
}

describe("session limits", () => {
  it("uses the documented defaults", () => {
    expect(sessionLimits()).toEqual({ idleMinutes: { therapist: 30, client: 60 }, maxHours: 12 });
  });

  it("reads the same user fields as everywhere else", async () => {
    const therapist = await seedTherapist(db);
    const check = await loadSessionUser(db, await signIn(therapist));
    if (!check.ok) throw new Error("expected a live session");
    // The session's one statement reads what SESSION_USER_SELECT names, as toSessionUser shapes it.
    const viaPrisma = toSessionUser(await db.user.findUniqueOrThrow({ where: { id: therapist.id }, select: SESSION_USER_SELECT }));
    expect(check.user).toEqual(viaPrisma);
    expect(check.user).toEqual(therapist);
  });

  it("keeps a session alive while it is used", async () => {
    const claims = await signIn(await seedTherapist(db));
    for (let step = 0; step < 12; step += 1) {
      advanceClockForTests(25 * MINUTE);
      expect(await isAlive(claims)).toBe(true);
    }
    expect((await sessionRow(claims)).endedAt).toBeNull();
  });

  it("ends a therapist's session after 30 idle minutes while a client's signed in at the same time lives on", async () => {
    const therapistClaims = await signIn(await seedTherapist(db));
    const clientClaims = await signIn(await seedClient(db));

    advanceClockForTests(30 * MINUTE - 1);
    // Neither is touched here: the check below must see the sign-in times.
    const [therapistJustBefore, clientJustBefore] = await Promise.all([
      sessionRow(therapistClaims),
      sessionRow(clientClaims),
    ]);
    expect(therapistJustBefore.lastSeenAt).toEqual(therapistJustBefore.createdAt);
    expect(clientJustBefore.lastSeenAt).toEqual(clientJustBefore.createdAt);

    advanceClockForTests(1);
    expect(await loadSessionUser(db, therapistClaims)).toEqual({ ok: false, reason: "idle" });
    const client = await loadSessionUser(db, clientClaims);
    expect(client.ok && client.user.role).toBe("client");

    const ended = await sessionRow(therapistClaims);
    expect(ended).toMatchObject({ endedReason: "idle" });
    expect(ended.endedAt).not.toBeNull();
    // One-way: later requests still say idle, and the row keeps its first reason.
    advanceClockForTests(13 * 60 * MINUTE);
    expect(await loadSessionUser(db, therapistClaims)).toEqual({ ok: false, reason: "idle" });
    expect((await sessionRow(therapistClaims)).endedAt).toEqual(ended.endedAt);
  });

  it("lets a client be idle for up to an hour", async () => {
    const claims = await signIn(await seedClient(db));
    advanceClockForTests(59 * MINUTE);
    expect(await isAlive(claims)).toBe(true);
    // That request counted as activity: another 59 minutes are fine, 60 are not.
    advanceClockForTests(59 * MINUTE);
    expect(await isAlive(claims)).toBe(true);
    advanceClockForTests(60 * MINUTE);
    expect(await loadSessionUser(db, claims)).toEqual({ ok: false, reason: "idle" });
  });

  it("ends a session after 12 hours however active it is", async () => {
    const claims = await signIn(await seedTherapist(db));
    for (let elapsed = 0; elapsed < 12 * 60 - 10; elapsed += 10) {
      advanceClockForTests(10 * MINUTE);
      expect(await isAlive(claims)).toBe(true);
    }
    advanceClockForTests(10 * MINUTE);
    expect(await loadSessionUser(db, claims)).toEqual({ ok: false, reason: "expired" });
    expect(await sessionRow(claims)).toMatchObject({ endedReason: "expired" });
    // A fresh sign-in is a fresh lifetime.
    expect(await isAlive(await signIn(await db.user.findUniqueOrThrow({ where: { id: claims.userId } })))).toBe(true);
  });

  it("refuses a session that was signed out, and only that one", async () => {
    const user = await seedTherapist(db);
    const laptop = await signIn(user);
    const phone = await signIn(user);
    await authOptions.events!.signOut!({ token: { sub: user.id, sessionId: laptop.sessionId }, session: null as never });
    expect(await loadSessionUser(db, laptop)).toEqual({ ok: false, reason: "signed_out" });
    expect(await sessionRow(laptop)).toMatchObject({ endedReason: "signed_out" });
    expect(await isAlive(phone)).toBe(true);
  });

  it("refuses a session whose user changed password or was deactivated, and a cookie with no session", async () => {
    const user = await seedTherapist(db);
    const claims = await signIn(user);
    expect(await loadSessionUser(db, { ...claims, sessionVersion: claims.sessionVersion + 1 })).toEqual({
      ok: false,
      reason: "revoked",
    });
    expect(await loadSessionUser(db, { ...claims, sessionId: "" })).toEqual({ ok: false, reason: "revoked" });
    expect(await loadSessionUser(db, { ...claims, sessionId: crypto.randomUUID() })).toEqual({ ok: false, reason: "revoked" });
    const other = await seedTherapist(db);
    expect(await loadSessionUser(db, { ...claims, userId: other.id })).toEqual({ ok: false, reason: "revoked" });
  });

  it("writes lastSeenAt at most once a minute, with one read per request otherwise", async () => {
    const claims = await signIn(await seedTherapist(db));
    const signedInAt = (await sessionRow(claims)).lastSeenAt;

    for (const seconds of [10, 30, 59]) {
      freezeClockForTests(new Date(signedInAt.getTime() + seconds * 1000));
      expect(await counting.countStatements(() => loadSessionUser(counting.db, claims))).toBe(1);
      expect((await sessionRow(claims)).lastSeenAt).toEqual(signedInAt);
    }

    const aMinuteOn = freezeClockForTests(new Date(signedInAt.getTime() + MINUTE));
    expect(await counting.countStatements(() => loadSessionUser(counting.db, claims))).toBe(2);
    expect((await sessionRow(claims)).lastSeenAt).toEqual(aMinuteOn);

    advanceClockForTests(30_000);
    expect(await counting.countStatements(() => loadSessionUser(counting.db, claims))).toBe(1);
    expect((await sessionRow(claims)).lastSeenAt).toEqual(aMinuteOn);
  });
});

describe("a lapsed session over tRPC", () => {
  it("answers UNAUTHORIZED and tells the browser why", async () => {
    const therapist = await seedTherapist(db);
    const claims = await signIn(therapist);
    advanceClockForTests(31 * MINUTE);

    const caller = await callerFor(db, { id: therapist.id, sessionVersion: therapist.sessionVersion, sessionId: claims.sessionId });
    expect((await rejection(caller.account.me())).code).toBe("UNAUTHORIZED");

    const check = await loadSessionUser(db, claims);
    expect(check).toEqual({ ok: false, reason: "idle" });
    const response = await fetchRequestHandler({
      endpoint: "/api/trpc",
      router: appRouter,
      createContext: () => ({ db, user: null, signedOutReason: "idle" as const, meta: { ip: "127.0.0.1", userAgent: "test" } }),
      req: new Request("http://localhost/api/trpc/account.me"),
    });
    expect(response.status).toBe(401);
    const body = await response.json();
    expect(body.error.json.data).toMatchObject({ code: "UNAUTHORIZED", signedOutReason: "idle" });
  });

  it("says nothing about a reason to a visitor who was never signed in, nor on other errors", async () => {
    const response = await fetchRequestHandler({
      endpoint: "/api/trpc",
      router: appRouter,
      createContext: () => ({ db, user: null, meta: { ip: "127.0.0.1", userAgent: "test" } }),
      req: new Request("http://localhost/api/trpc/account.me"),
    });
    expect((await response.json()).error.json.data).toMatchObject({ code: "UNAUTHORIZED", signedOutReason: null });
  });
});

describe("next-auth wiring", () => {
  it("authorize() opens a session row whose id the JWT carries; sign-out ends it", async () => {
    const therapist = await seedTherapist(db);
    const provider = authOptions.providers[0] as unknown as {
      options: { authorize: (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown> };
    };
    // Inside a request, as next-auth's route calls it: authorize also sets the known-device cookie.
    const { value: user, setCookies } = (await inRequestScope(() =>
      provider.options.authorize({ email: therapist.email, password: TEST_PASSWORD }, { headers: { [CLIENT_ADDRESS_HEADER]: "10.78.0.1" } }),
    )) as { value: { id: string; sessionVersion: number; sessionId: string }; setCookies: string[] };
    expect(setCookies.some((cookie) => cookie.startsWith(`${deviceCookieName()}=`))).toBe(true);
    expect(user).toMatchObject({ id: therapist.id, sessionVersion: therapist.sessionVersion });
    expect(await sessionRow({ userId: user.id, sessionVersion: user.sessionVersion, sessionId: user.sessionId })).toMatchObject({
      userId: therapist.id,
      endedAt: null,
    });

    const token = await authOptions.callbacks!.jwt!({ token: { name: "x", email: "y" }, user, account: null });
    expect(token).toEqual({ sub: therapist.id, sessionVersion: therapist.sessionVersion, sessionId: user.sessionId });

    await authOptions.events!.signOut!({ token, session: null as never });
    expect((await loadSessionUser(db, { userId: user.id, sessionVersion: user.sessionVersion, sessionId: user.sessionId })).ok).toBe(
      false,
    );
  });
});
