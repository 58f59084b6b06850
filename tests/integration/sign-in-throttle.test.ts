// Throttling that slows guessing without locking a person out (issue 12),
// through next-auth's real credentials route as a browser meets it: the
// known-device cookie it sets after a correct password, and the answers a
// guesser gets from one address and from many.
import { appRoute, setNextAuthTestEnv } from "../support/next-route";
import { createHash } from "node:crypto";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import * as authRouteFile from "@/app/api/auth/[...nextauth]/route";
import { messageForThrottledCode } from "@/lib/auth/throttled";
import { freezeClockForTests, resetClock } from "@/server/clock";
import { getDb } from "@/server/db/client";
import { deviceCookieName } from "@/server/auth/device-cookie";
import { ACCOUNT_FAILURES_BEFORE_DELAY } from "@/server/auth/throttle";
import { seedClient, seedTherapist, TEST_PASSWORD, uniqueEmail } from "../factories";
import { connectTestDb } from "../support/db";

setNextAuthTestEnv();
const db = connectTestDb();
const authRoute = appRoute("/api/auth/[...nextauth]/route", authRouteFile);
const origin = "http://localhost";

afterEach(resetClock);
afterAll(() => getDb().$disconnect());

type TAttempt = { isSignedIn: boolean; error: string | null; setCookies: string[]; deviceToken: string | null };

function pairs(setCookies: string[]): string[] {
  return setCookies.map((cookie) => cookie.split(";")[0]);
}

/** One sign-in through the real route: CSRF token, then the credentials callback (as next-auth/react does). */
async function attempt(credentials: { email: string; password: string }, ip: string, browserCookies: string[] = []): Promise<TAttempt> {
  const csrf = await authRoute(new Request(`${origin}/api/auth/csrf`), { nextauth: ["csrf"] });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await authRoute(
    new Request(`${origin}/api/auth/callback/credentials`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: [...pairs(csrf.headers.getSetCookie()), ...browserCookies].join("; "),
        "x-forwarded-for": ip,
      },
      body: new URLSearchParams({ csrfToken, ...credentials, json: "true" }).toString(),
    }),
    { nextauth: ["callback", "credentials"] },
  );
  const setCookies = response.headers.getSetCookie();
  const { url } = (await response.json()) as { url: string };
  const device = pairs(setCookies).find((cookie) => cookie.startsWith(`${deviceCookieName()}=`));
  return {
    isSignedIn: pairs(setCookies).some((cookie) => cookie.startsWith("next-auth.session-token=")),
    error: new URL(url).searchParams.get("error"),
    setCookies,
    deviceToken: device ? device.slice(device.indexOf("=") + 1) : null,
  };
}

const deviceCookie = (token: string) => `${deviceCookieName()}=${token}`;

describe("one address guessing one account", () => {
  it("12 wrong passwords for a client, then the right one from the same place: refused, wait 15 minutes", async () => {
    const client = await seedClient(db);
    const answers: (string | null)[] = [];
    for (let tries = 0; tries < 12; tries += 1) {
      answers.push((await attempt({ email: client.email, password: `wrong password ${tries}` }, "10.91.0.1")).error);
    }
    const last = await attempt({ email: client.email, password: TEST_PASSWORD }, "10.91.0.1");
    expect(last.isSignedIn).toBe(false);
    expect(last.error).toBe("TooManyAttempts-15");
    expect(messageForThrottledCode(last.error)).toBe("Too many attempts. Please wait 15 minutes and try again.");
    expect(answers.slice(0, 5)).toEqual(Array(5).fill("CredentialsSignin"));
    expect(new Set(answers.slice(5))).toEqual(new Set(["TooManyAttempts-15"]));

    // An e-mail with no account gets exactly the same answers.
    const ghost = uniqueEmail("ghost");
    const ghostAnswers: (string | null)[] = [];
    for (let tries = 0; tries < 13; tries += 1) {
      ghostAnswers.push((await attempt({ email: ghost, password: `wrong password ${tries}` }, "10.91.0.2")).error);
    }
    expect(ghostAnswers).toEqual([...answers, last.error]);
  });
});

describe("a stranger guessing from many addresses", () => {
  it("does not stop the owner's known browser, while guessing from unknown browsers stays throttled", async () => {
    const owner = await seedTherapist(db);
    const home = await attempt({ email: owner.email, password: TEST_PASSWORD }, "10.92.0.1");
    expect(home.isSignedIn).toBe(true);
    expect(home.deviceToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const token = home.deviceToken as string;
    // httpOnly, SameSite=Lax, whole site, long-lived; Secure only over https (this test app is http).
    const header = home.setCookies.find((cookie) => cookie.startsWith(`${deviceCookieName()}=`)) as string;
    expect(header).toMatch(/; HttpOnly/i);
    expect(header).toMatch(/; SameSite=lax/i);
    expect(header).toMatch(/; Path=\//i);
    expect(header).toMatch(/; Max-Age=\d+/i);
    // Only the hash is kept, bound to the owner.
    const devices = await db.knownDevice.findMany({ where: { userId: owner.id }, select: { tokenHash: true } });
    expect(devices).toEqual([{ tokenHash: createHash("sha256").update(token).digest("hex") }]);

    freezeClockForTests();
    const strangerAnswers: (string | null)[] = [];
    for (let host = 1; host <= 30; host += 1) {
      strangerAnswers.push((await attempt({ email: owner.email, password: `guess ${host}` }, `10.93.${host}.1`)).error);
    }
    expect(strangerAnswers.slice(0, ACCOUNT_FAILURES_BEFORE_DELAY)).toEqual(Array(ACCOUNT_FAILURES_BEFORE_DELAY).fill("CredentialsSignin"));
    expect(strangerAnswers.slice(ACCOUNT_FAILURES_BEFORE_DELAY).every((error) => error?.startsWith("TooManyAttempts"))).toBe(true);

    // Even the right password waits from a browser the account doesn't know...
    const unknownBrowser = await attempt({ email: owner.email, password: TEST_PASSWORD }, "10.94.0.1");
    expect(unknownBrowser.isSignedIn).toBe(false);
    expect(unknownBrowser.error).toMatch(/^TooManyAttempts/);
    // ...and a device cookie of another account is no pass for this one.
    const other = await seedTherapist(db);
    const otherHome = await attempt({ email: other.email, password: TEST_PASSWORD }, "10.94.0.2");
    const borrowed = await attempt({ email: owner.email, password: TEST_PASSWORD }, "10.94.0.2", [deviceCookie(otherHome.deviceToken as string)]);
    expect(borrowed.isSignedIn).toBe(false);
    // A made-up cookie neither.
    const forged = await attempt({ email: owner.email, password: TEST_PASSWORD }, "10.94.0.3", [deviceCookie("A".repeat(43))]);
    expect(forged.isSignedIn).toBe(false);

    // The owner's own browser, from anywhere, signs straight in and keeps its token.
    const again = await attempt({ email: owner.email, password: TEST_PASSWORD }, "10.92.0.77", [deviceCookie(token)]);
    expect(again.isSignedIn).toBe(true);
    expect(again.error).toBeNull();
    expect(again.deviceToken).toBe(token);
    // That does not hand the stranger a fresh allowance.
    expect((await attempt({ email: owner.email, password: "guess 31" }, "10.93.31.1")).error).toMatch(/^TooManyAttempts/);
  });

  it("answers a stranger the same for an e-mail with no account", async () => {
    const owner = await seedTherapist(db);
    const ghost = uniqueEmail("ghost");
    freezeClockForTests();
    const forOwner: (string | null)[] = [];
    const forGhost: (string | null)[] = [];
    for (let host = 1; host <= ACCOUNT_FAILURES_BEFORE_DELAY + 3; host += 1) {
      forOwner.push((await attempt({ email: owner.email, password: `guess ${host}` }, `10.95.${host}.1`)).error);
      forGhost.push((await attempt({ email: ghost, password: `guess ${host}` }, `10.96.${host}.1`)).error);
    }
    expect(forGhost).toEqual(forOwner);
    expect(forOwner.at(-1)).toMatch(/^TooManyAttempts/);
  });

  it("still limits the known browser itself", async () => {
    const owner = await seedClient(db);
    const { deviceToken } = await attempt({ email: owner.email, password: TEST_PASSWORD }, "10.97.0.1");
    freezeClockForTests();
    for (let tries = 0; tries < 5; tries += 1) {
      await attempt({ email: owner.email, password: "mistyped" }, "10.97.0.1", [deviceCookie(deviceToken as string)]);
    }
    const sixth = await attempt({ email: owner.email, password: TEST_PASSWORD }, "10.97.0.1", [deviceCookie(deviceToken as string)]);
    expect(sixth.error).toBe("TooManyAttempts-15");
  });
});
