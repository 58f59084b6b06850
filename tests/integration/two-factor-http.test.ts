// Two-step sign-in through next-auth's real credentials route: the form's
// error codes, and a session cookie only once the code is right.
import { appRoute, signInThroughNextAuth, setNextAuthTestEnv } from "../support/next-route";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import * as authRouteFile from "@/app/api/auth/[...nextauth]/route";
import * as icsRouteFile from "@/app/api/sessions/[sessionId]/ics/route";
import { setEnvForChildren } from "@/server/env";
import { freezeClockForTests, resetClock } from "@/server/clock";
import { getDb } from "@/server/db/client";
import { callerFor, seedCast, seedTherapist, TEST_PASSWORD } from "../factories";
import { connectTestDb } from "../support/db";
import { codeFor, enrolTwoFactor } from "../support/totp";

setNextAuthTestEnv();
const db = connectTestDb();
afterAll(() => getDb().$disconnect());
const authRoute = appRoute("/api/auth/[...nextauth]/route", authRouteFile);
const icsRoute = appRoute("/api/sessions/[sessionId]/ics/route", icsRouteFile);

beforeEach(() => {
  freezeClockForTests(new Date("2026-03-02T09:00:00.000Z"));
});
afterEach(resetClock);

/** The form posts email, password and (once asked) the code; the helper's type names only the first two. */
const withCode = (credentials: { email: string; password: string; code: string }) => credentials as { email: string; password: string };

describe("two-step sign-in through next-auth", () => {
  it("answers two_factor_required, then two_factor_invalid, and signs in with the right code", async () => {
    const therapist = await seedTherapist(db);
    const { secret } = await enrolTwoFactor(await callerFor(db, therapist));
    const sessionsBefore = await db.authSession.count({ where: { userId: therapist.id } });

    await expect(signInThroughNextAuth(authRoute, { email: therapist.email, password: TEST_PASSWORD }, "10.89.0.1")).rejects.toThrow(
      /error=two_factor_required/,
    );
    await expect(
      signInThroughNextAuth(authRoute, withCode({ email: therapist.email, password: TEST_PASSWORD, code: codeFor(secret, 4) }), "10.89.0.1"),
    ).rejects.toThrow(/error=two_factor_invalid/);
    expect(await db.authSession.count({ where: { userId: therapist.id } })).toBe(sessionsBefore);

    const cookie = await signInThroughNextAuth(
      authRoute,
      withCode({ email: therapist.email, password: TEST_PASSWORD, code: codeFor(secret, 1) }),
      "10.89.0.1",
    );
    expect(cookie).toMatch(/^next-auth\.session-token=/);
    expect(await db.authSession.count({ where: { userId: therapist.id } })).toBe(sessionsBefore + 1);
  });

  it("keeps record files from a therapist who must turn it on first, and serves them once they have", async () => {
    const cast = await seedCast(db);
    const cookie = await signInThroughNextAuth(authRoute, { email: cast.therapist.email, password: TEST_PASSWORD }, "10.89.0.2");
    const download = () =>
      icsRoute(new Request(`http://localhost/api/sessions/${cast.session.id}/ics`, { headers: { cookie } }), { sessionId: cast.session.id });
    expect((await download()).status).toBe(200);
    try {
      setEnvForChildren({ REQUIRE_TWO_FACTOR_FOR_THERAPISTS: "true" });
      const refused = await download();
      expect(refused.status).toBe(401);
      expect(await refused.text()).not.toContain("BEGIN:VCALENDAR");
      await enrolTwoFactor(await callerFor(db, cast.therapist));
      expect((await download()).status).toBe(200);
    } finally {
      delete process.env.REQUIRE_TWO_FACTOR_FOR_THERAPISTS;
      setEnvForChildren({});
    }
  });
});
