import { afterEach, describe, expect, it } from "vitest";
import { checkCredentials, deactivateUser } from "@/server/auth/accounts";
import {
  ACCOUNT_FAILURES_BEFORE_DELAY,
  accountDelaySeconds,
  MAX_FAILURES_PER_PAIR,
  MAX_REAUTH_FAILURES,
  THROTTLE_WINDOW_MINUTES,
} from "@/server/auth/throttle";
import { advanceClockForTests, freezeClockForTests, resetClock } from "@/server/clock";
import { REAUTH_THROTTLED } from "@/server/auth/reauth";
import { COMMON_PASSWORD_MESSAGE, NAME_IN_PASSWORD_MESSAGE } from "@/server/auth/password-policy";
import { callerFor, seedTherapist, TEST_PASSWORD, uniqueEmail } from "../factories";
import { connectTestDb } from "../support/db";
import { rejection } from "../support/errors";

const db = connectTestDb();

afterEach(resetClock);

function fieldErrorsOf(error: { cause?: unknown }): unknown {
  return (error.cause as { fieldErrors?: unknown } | undefined)?.fieldErrors;
}

describe("checkCredentials", () => {
  it("accepts the right password and answers alike for a wrong password and an unknown e-mail", async () => {
    const user = await seedTherapist(db);
    expect((await checkCredentials(db, { email: user.email, password: TEST_PASSWORD }, "10.0.0.1")).ok).toBe(true);
    expect(await checkCredentials(db, { email: user.email, password: "wrong password" }, "10.0.0.1")).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await checkCredentials(db, { email: uniqueEmail("nobody"), password: "whatever" }, "10.0.0.1")).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("throttles one address guessing one account, even with the right password, without locking the owner out elsewhere", async () => {
    const user = await seedTherapist(db);
    freezeClockForTests();
    for (let attempt = 0; attempt < MAX_FAILURES_PER_PAIR; attempt += 1) {
      await checkCredentials(db, { email: user.email, password: "wrong password" }, "10.1.0.1");
    }
    expect(await checkCredentials(db, { email: user.email, password: TEST_PASSWORD }, "10.1.0.1")).toEqual({
      ok: false,
      reason: "throttled",
      retryAfterSeconds: THROTTLE_WINDOW_MINUTES * 60,
    });
    // Five failures are not an account-wide lock: the owner elsewhere gets in.
    expect((await checkCredentials(db, { email: user.email, password: TEST_PASSWORD }, "10.2.0.1")).ok).toBe(true);
  });

  it("lets the address try again once the window has passed on the app's clock", async () => {
    const user = await seedTherapist(db);
    freezeClockForTests();
    for (let attempt = 0; attempt < MAX_FAILURES_PER_PAIR; attempt += 1) {
      await checkCredentials(db, { email: user.email, password: "wrong password" }, "10.5.0.9");
    }
    advanceClockForTests((THROTTLE_WINDOW_MINUTES - 1) * 60_000);
    expect(await checkCredentials(db, { email: user.email, password: TEST_PASSWORD }, "10.5.0.9")).toMatchObject({
      ok: false,
      reason: "throttled",
      retryAfterSeconds: 60,
    });
    advanceClockForTests(61_000);
    expect((await checkCredentials(db, { email: user.email, password: TEST_PASSWORD }, "10.5.0.9")).ok).toBe(true);
  });

  it("slows guessing from many addresses with growing waits, not a lock", async () => {
    const user = await seedTherapist(db);
    freezeClockForTests();
    for (let attempt = 0; attempt < ACCOUNT_FAILURES_BEFORE_DELAY; attempt += 1) {
      await checkCredentials(db, { email: user.email, password: "wrong password" }, `10.6.0.${attempt}`);
    }
    // Even the right password waits its turn from a browser the account doesn't know...
    const waiting = await checkCredentials(db, { email: user.email, password: TEST_PASSWORD }, "10.6.1.1");
    expect(waiting).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: accountDelaySeconds(ACCOUNT_FAILURES_BEFORE_DELAY) });
    // ...and each further failure doubles the wait.
    advanceClockForTests(accountDelaySeconds(ACCOUNT_FAILURES_BEFORE_DELAY) * 1000);
    expect(await checkCredentials(db, { email: user.email, password: "wrong again" }, "10.6.1.2")).toEqual({ ok: false, reason: "invalid" });
    expect(await checkCredentials(db, { email: user.email, password: TEST_PASSWORD }, "10.6.1.3")).toEqual({
      ok: false,
      reason: "throttled",
      retryAfterSeconds: accountDelaySeconds(ACCOUNT_FAILURES_BEFORE_DELAY + 1),
    });
    advanceClockForTests(accountDelaySeconds(ACCOUNT_FAILURES_BEFORE_DELAY + 1) * 1000);
    expect((await checkCredentials(db, { email: user.email, password: TEST_PASSWORD }, "10.6.1.4")).ok).toBe(true);
  });

  it("throttles an unknown e-mail the same way, so throttling reveals nothing", async () => {
    const email = uniqueEmail("ghost");
    freezeClockForTests();
    for (let attempt = 0; attempt < MAX_FAILURES_PER_PAIR; attempt += 1) {
      expect(await checkCredentials(db, { email, password: "wrong password" }, "10.3.0.1")).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await checkCredentials(db, { email, password: "x" }, "10.3.0.1")).toEqual({
      ok: false,
      reason: "throttled",
      retryAfterSeconds: THROTTLE_WINDOW_MINUTES * 60,
    });
  });

  it("refuses a deactivated account", async () => {
    const user = await seedTherapist(db);
    await deactivateUser(db, user.id);
    expect((await checkCredentials(db, { email: user.email, password: TEST_PASSWORD }, "10.4.0.1")).ok).toBe(false);
  });
});

describe("sessions end when they should", () => {
  it("a password change ends every session that carries the old version", async () => {
    const user = await seedTherapist(db);
    const caller = await callerFor(db, user);
    await caller.account.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "a brand new password" });

    const stale = await callerFor(db, user);
    expect((await rejection(stale.account.me())).code).toBe("UNAUTHORIZED");

    const fresh = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(fresh.sessionVersion).toBe(user.sessionVersion + 1);
    expect((await checkCredentials(db, { email: user.email, password: "a brand new password" }, "10.5.0.1")).ok).toBe(true);
    expect((await checkCredentials(db, { email: user.email, password: TEST_PASSWORD }, "10.5.0.1")).ok).toBe(false);
  });

  it("a new password holding the person's name, or a common one, is a field error and changes nothing", async () => {
    const user = await seedTherapist(db, { name: "Imogen Fairweather" });
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    const caller = await callerFor(db, user);
    const named = await rejection(caller.account.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "fairweather friends" }));
    expect(named.code).toBe("BAD_REQUEST");
    expect(fieldErrorsOf(named)).toEqual({ newPassword: [NAME_IN_PASSWORD_MESSAGE] });
    const common = await rejection(caller.account.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "iloveyou" }));
    expect(fieldErrorsOf(common)).toEqual({ newPassword: [COMMON_PASSWORD_MESSAGE] });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toEqual(before);
    expect(await caller.account.me()).toMatchObject({ id: user.id });
  });

  it("a wrong current password is a field error and changes nothing", async () => {
    const user = await seedTherapist(db);
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    const error = await rejection(
      (await callerFor(db, user)).account.changePassword({ currentPassword: "not it at all", newPassword: "a brand new password" }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect((error.cause as unknown as { fieldErrors: Record<string, string[]> }).fieldErrors.currentPassword).toBeDefined();
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toEqual(before);
  });

  it("a signed-in browser can't keep guessing the password: re-entry is throttled per person, then allowed again", async () => {
    const user = await seedTherapist(db);
    const caller = await callerFor(db, user);
    freezeClockForTests();
    for (let attempt = 0; attempt < MAX_REAUTH_FAILURES; attempt += 1) {
      const wrong = await rejection(caller.account.deleteAccount({ password: `guess number ${attempt}` }));
      expect(wrong.code).toBe("BAD_REQUEST");
    }
    // The right password is not even checked now, on any of the forms that ask for it.
    const throttled = await rejection(
      caller.account.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "a brand new password" }),
    );
    expect(throttled.code).toBe("TOO_MANY_REQUESTS");
    expect((throttled.cause as unknown as { fieldErrors: Record<string, string[]> }).fieldErrors.currentPassword).toEqual([REAUTH_THROTTLED]);
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { deletedAt: true } })).toEqual({ deletedAt: null });

    advanceClockForTests(THROTTLE_WINDOW_MINUTES * 60_000 + 1_000);
    await caller.account.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "a brand new password" });
  });

  it("deactivation ends the session on its next request", async () => {
    const user = await seedTherapist(db);
    await deactivateUser(db, user.id);
    const refreshed = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    for (const version of [user.sessionVersion, refreshed.sessionVersion]) {
      const caller = await callerFor(db, { id: user.id, sessionVersion: version });
      expect((await rejection(caller.account.me())).code).toBe("UNAUTHORIZED");
    }
  });
});

describe("account.updateProfile", () => {
  it("changes only the caller's own name and time zone", async () => {
    const user = await seedTherapist(db);
    const other = await seedTherapist(db);
    const updated = await (await callerFor(db, user)).account.updateProfile({ name: "New Name", timeZone: "Asia/Tokyo" });
    expect(updated).toMatchObject({ id: user.id, name: "New Name", timeZone: "Asia/Tokyo" });
    expect(await db.user.findUniqueOrThrow({ where: { id: other.id }, select: { name: true } })).toEqual({
      name: other.name,
    });
  });
});
