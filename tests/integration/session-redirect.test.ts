// requireUser on a page whose session lapsed: a redirect to sign-in that says
// why and keeps the return path. next-auth's cookie reading and Next's
// redirect are stood in for; the session lookup is the real one.
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { checkCredentials } from "@/server/auth/accounts";
import { requireUser } from "@/server/auth/session";
import { advanceClockForTests, freezeClockForTests, resetClock } from "@/server/clock";
import { getDb } from "@/server/db/client";
import { seedClient, seedTherapist, TEST_PASSWORD } from "../factories";
import { connectTestDb } from "../support/db";

const cookie = vi.hoisted(() => ({ session: null as null | { userId: string; sessionVersion: number; sessionId: string } }));

vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => cookie.session,
}));

vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Redirected(url);
  },
}));

class Redirected extends Error {
  constructor(readonly url: string) {
    super(`redirect to ${url}`);
  }
}

const db = connectTestDb();
const MINUTE = 60_000;

beforeEach(() => {
  freezeClockForTests();
  cookie.session = null;
});
afterEach(resetClock);
afterAll(() => getDb().$disconnect());

async function signInAs(user: { email: string }) {
  const result = await checkCredentials(db, { email: user.email, password: TEST_PASSWORD }, "10.79.0.1");
  if (!result.ok) throw new Error("sign-in failed");
  cookie.session = result.claims;
}

async function redirectOf(work: Promise<unknown>): Promise<string | null> {
  return work.then(
    () => null,
    (error: unknown) => {
      if (error instanceof Redirected) return error.url;
      throw error;
    },
  );
}

describe("requireUser", () => {
  it("lets a live session through", async () => {
    const therapist = await seedTherapist(db);
    await signInAs(therapist);
    await expect(requireUser({ role: "therapist", returnTo: "/caseload" })).resolves.toMatchObject({ id: therapist.id });
  });

  it("sends an idle session to sign-in with reason=idle and the return path", async () => {
    await signInAs(await seedTherapist(db));
    advanceClockForTests(30 * MINUTE);
    expect(await redirectOf(requireUser({ role: "therapist", returnTo: "/caseload" }))).toBe(
      "/sign-in?reason=idle&next=%2Fcaseload",
    );
  });

  it("sends an expired session to sign-in with reason=expired", async () => {
    await signInAs(await seedClient(db));
    for (let halfHour = 1; halfHour < 24; halfHour += 1) {
      advanceClockForTests(30 * MINUTE);
      await requireUser();
    }
    advanceClockForTests(30 * MINUTE);
    expect(await redirectOf(requireUser({ returnTo: "/journal" }))).toBe("/sign-in?reason=expired&next=%2Fjournal");
  });

  it("gives no reason to a visitor without a session, nor to a session that was signed out", async () => {
    expect(await redirectOf(requireUser({ returnTo: "/caseload" }))).toBe("/sign-in?next=%2Fcaseload");
    await signInAs(await seedTherapist(db));
    await db.authSession.update({ where: { id: cookie.session!.sessionId }, data: { endedAt: new Date(), endedReason: "signed_out" } });
    expect(await redirectOf(requireUser())).toBe("/sign-in");
  });
});
