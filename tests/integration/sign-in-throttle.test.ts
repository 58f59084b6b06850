// Throttling that slows guessing without locking a person out (issue 12),
// through next-auth's real credentials route as a browser meets it: the
// known-device cookie it sets after a correct password, and the answers a
// guesser gets from one address and from many.
import { appRoute, setNextAuthTestEnv } from "../support/next-route";
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import * as authRouteFile from "@/app/api/auth/[...nextauth]/route";
import { messageForThrottledCode } from "@/lib/auth/throttled";
import { advanceClockForTests, freezeClockForTests, resetClock, setClockForTests } from "@/server/clock";
import { getDb } from "@/server/db/client";
import { deviceCookieName } from "@/server/auth/device-cookie";
import {
  ACCOUNT_DAY_MINUTES,
  ACCOUNT_DELAY_MAX_SECONDS,
  ACCOUNT_FAILURES_BEFORE_DELAY,
  MAX_ACCOUNT_FAILURES_PER_DAY,
  signInKeys,
} from "@/server/auth/throttle";
import { checkCredentials } from "@/server/auth/accounts";
import { seedClient, seedTherapist, TEST_PASSWORD, uniqueEmail } from "../factories";
import { connectTestDb } from "../support/db";
import { CLIENT_ADDRESS_HEADER, withClientAddress } from "@/server/auth/request-meta";

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
        [CLIENT_ADDRESS_HEADER]: ip,
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

/**
 * Alliance's own HTTP server (the wrapper scripts/serve.ts puts around Next)
 * in front of the real next-auth route, on a real socket: what decides the
 * address is the socket and TRUSTED_PROXY_HOPS, as in production.
 */
async function serveAuthRoute(trustedHops: number): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(
    withClientAddress(trustedHops, async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const url = new URL(request.url ?? "/", origin);
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) {
        for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, one);
      }
      const answer = await authRoute(
        new Request(url, { method: request.method, headers, body: chunks.length > 0 ? Buffer.concat(chunks) : undefined }),
        { nextauth: url.pathname.replace("/api/auth/", "").split("/") },
      );
      response.statusCode = answer.status;
      answer.headers.forEach((value, name) => {
        if (name !== "set-cookie") response.setHeader(name, value);
      });
      response.setHeader("set-cookie", answer.headers.getSetCookie());
      response.end(Buffer.from(await answer.arrayBuffer()));
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${address.port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A wrong (or right) password over HTTP, with whatever address headers a client cares to send. */
async function attemptOverHttp(base: string, credentials: { email: string; password: string }, forwardedFor: string): Promise<string | null> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: pairs(csrf.headers.getSetCookie()).join("; "),
      "x-forwarded-for": forwardedFor,
      // The header the app's server sets: a client sending it is overruled.
      [CLIENT_ADDRESS_HEADER]: forwardedFor.split(",")[0]!.trim(),
    },
    body: new URLSearchParams({ csrfToken, ...credentials, json: "true" }).toString(),
  });
  const { url } = (await response.json()) as { url: string };
  return new URL(url).searchParams.get("error");
}

describe("the address that counts, through the app's own HTTP server", () => {
  it("ignores a forged X-Forwarded-For when no proxy is trusted: one socket, one address", async () => {
    const client = await seedClient(db);
    const server = await serveAuthRoute(0);
    try {
      const answers: (string | null)[] = [];
      for (let guess = 1; guess <= 8; guess += 1) {
        answers.push(await attemptOverHttp(server.url, { email: client.email, password: `guess ${guess}` }, `198.51.100.${guess}`));
      }
      expect(answers).toEqual([...Array(5).fill("CredentialsSignin"), ...Array(3).fill("TooManyAttempts-15")]);
      // The counters name a keyed hash of the socket's address, never anything the client wrote.
      const keys = (await db.authThrottle.findMany({ select: { key: true } })).map((row) => row.key).join(" ");
      expect(keys).not.toMatch(/198\.51\.100|127\.0\.0\.1/);
    } finally {
      await server.close();
    }
  });

  it("honours the address one trusted proxy appends, and only that one", async () => {
    const server = await serveAuthRoute(1);
    try {
      // Each guess arrives from a different client address (as the proxy saw it): each its own pair.
      const spread = await seedClient(db);
      const spreadAnswers: (string | null)[] = [];
      for (let guess = 1; guess <= 8; guess += 1) {
        spreadAnswers.push(await attemptOverHttp(server.url, { email: spread.email, password: `guess ${guess}` }, `203.0.113.${guess}`));
      }
      expect(spreadAnswers).toEqual(Array(8).fill("CredentialsSignin"));

      // One client behind the proxy, varying what it writes in front of the proxy's entry: one address.
      const target = await seedClient(db);
      const answers: (string | null)[] = [];
      for (let guess = 1; guess <= 7; guess += 1) {
        answers.push(await attemptOverHttp(server.url, { email: target.email, password: `guess ${guess}` }, `10.66.0.${guess}, 203.0.113.200`));
      }
      expect(answers).toEqual([...Array(5).fill("CredentialsSignin"), ...Array(2).fill("TooManyAttempts-15")]);
    } finally {
      await server.close();
    }
  });
});

describe("guessing one account from many addresses, over days", () => {
  it("keeps the wait at its cap instead of starting over, caps a day's guesses, and still lets the owner's browser in", async () => {
    const owner = await seedTherapist(db);
    const home = await checkCredentials(db, { email: owner.email, password: TEST_PASSWORD }, "10.98.0.1");
    if (!home.ok) throw new Error("the owner could not sign in");
    freezeClockForTests();
    let host = 0;
    const guess = () => checkCredentials(db, { email: owner.email, password: `guess ${host}` }, `10.99.${Math.floor(host / 250)}.${(host++ % 250) + 1}`);

    // Guess, waiting out every delay, until the delay has reached its cap.
    let failures = 0;
    for (;;) {
      const result = await guess();
      if (!result.ok && result.reason === "throttled") {
        if (result.retryAfterSeconds >= ACCOUNT_DELAY_MAX_SECONDS) break;
        advanceClockForTests(result.retryAfterSeconds * 1000);
      } else {
        failures += 1;
      }
    }
    expect(failures).toBe(ACCOUNT_FAILURES_BEFORE_DELAY + Math.log2(512) + 1);

    // Waiting out the cap buys one guess, not a fresh run of ten.
    advanceClockForTests(ACCOUNT_DELAY_MAX_SECONDS * 1000);
    expect(await guess()).toEqual({ ok: false, reason: "invalid" });
    failures += 1;
    expect(await guess()).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: ACCOUNT_DELAY_MAX_SECONDS });

    // At four an hour the day's cap comes next; then the wait is for the day, not 15 minutes.
    while (failures < MAX_ACCOUNT_FAILURES_PER_DAY) {
      advanceClockForTests(ACCOUNT_DELAY_MAX_SECONDS * 1000);
      expect((await guess()).ok).toBe(false);
      failures += 1;
    }
    advanceClockForTests(ACCOUNT_DELAY_MAX_SECONDS * 1000);
    const capped = await guess();
    expect(capped.ok).toBe(false);
    expect(!capped.ok && capped.reason === "throttled" && capped.retryAfterSeconds).toBeGreaterThan(ACCOUNT_DELAY_MAX_SECONDS * 4);
    // The right password from an unknown browser waits too...
    expect((await checkCredentials(db, { email: owner.email, password: TEST_PASSWORD }, "10.98.0.2")).ok).toBe(false);
    // ...the owner's own browser does not.
    expect((await checkCredentials(db, { email: owner.email, password: TEST_PASSWORD }, "10.98.0.1", home.deviceToken)).ok).toBe(true);

    // A day after the first failure of the day the cap lifts; the run's wait is still there.
    const counted = await db.authThrottle.findFirstOrThrow({ where: { key: signInKeys(owner.email, "").accountDay } });
    setClockForTests(() => new Date(counted.windowStart.getTime() + ACCOUNT_DAY_MINUTES * 60_000 + 1));
    expect(await guess()).toEqual({ ok: false, reason: "invalid" });
  });
});
