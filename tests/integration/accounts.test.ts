import { describe, expect, it } from "vitest";
import { checkCredentials, deactivateUser, SIGN_UP_REFUSED } from "@/server/auth/accounts";
import { MAX_FAILURES_PER_ACCOUNT, MAX_SIGN_UPS_PER_ADDRESS } from "@/server/auth/throttle";
import { callerFor, seedTherapist, TEST_PASSWORD, uniqueEmail } from "../factories";
import { snapshotDatabase, connectTestDb } from "../support/db";
import { rejection } from "../support/errors";

const db = connectTestDb();

describe("auth.signUp", () => {
  it("creates a therapist with an argon2id hash at the required cost", async () => {
    const email = uniqueEmail("Signup").toUpperCase();
    const caller = await callerFor(db, null);
    await caller.auth.signUp({ name: " Dana Reyes ", email, password: "a long enough password", timeZone: "Europe/Berlin" });
    const user = await db.user.findUniqueOrThrow({ where: { email: email.toLowerCase() } });
    expect(user).toMatchObject({ name: "Dana Reyes", role: "therapist", timeZone: "Europe/Berlin" });
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("refuses an e-mail already in use, whatever its case, without saying so and without writing", async () => {
    const existing = await seedTherapist(db);
    const before = await snapshotDatabase(db);
    const error = await rejection(
      (await callerFor(db, null)).auth.signUp({
        name: "Someone Else",
        email: existing.email.toUpperCase(),
        password: "a long enough password",
        timeZone: "UTC",
      }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe(SIGN_UP_REFUSED);
    expect(await snapshotDatabase(db)).toEqual(before);
  });

  it("answers bad input field by field and writes nothing", async () => {
    const before = await snapshotDatabase(db);
    const error = await rejection(
      (await callerFor(db, null)).auth.signUp({ name: "", email: "not-an-email", password: "short", timeZone: "Mars/Olympus" }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    const issues = (error.cause as unknown as { issues: { path: string[] }[] }).issues.map((issue) => issue.path[0]);
    expect(new Set(issues)).toEqual(new Set(["name", "email", "password", "timeZone"]));
    expect(await snapshotDatabase(db)).toEqual(before);
  });

  it("refuses common passwords and extra fields such as a role", async () => {
    const caller = await callerFor(db, null);
    const common = await rejection(
      caller.auth.signUp({ name: "A", email: uniqueEmail("common"), password: "password123", timeZone: "UTC" }),
    );
    expect(common.code).toBe("BAD_REQUEST");
    const massAssignment = await rejection(
      caller.auth.signUp({
        name: "A",
        email: uniqueEmail("mass"),
        password: "a long enough password",
        timeZone: "UTC",
        role: "client",
      } as never),
    );
    expect(massAssignment.code).toBe("BAD_REQUEST");
  });

  it("slows down many sign-ups from one address", async () => {
    const meta = { ip: "192.0.2.77", userAgent: "vitest" };
    const caller = await callerFor(db, null, meta);
    const signUp = () =>
      caller.auth.signUp({ name: "Many", email: uniqueEmail("many"), password: "a long enough password", timeZone: "UTC" });
    for (let attempt = 0; attempt < MAX_SIGN_UPS_PER_ADDRESS; attempt += 1) await signUp();
    expect((await rejection(signUp())).code).toBe("TOO_MANY_REQUESTS");
    const fromElsewhere = await callerFor(db, null);
    await expect(
      fromElsewhere.auth.signUp({ name: "Else", email: uniqueEmail("else"), password: "a long enough password", timeZone: "UTC" }),
    ).resolves.toEqual({ ok: true });
  });
});

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

  it("throttles an account after repeated failures, even with the right password, from any address", async () => {
    const user = await seedTherapist(db);
    for (let attempt = 0; attempt < MAX_FAILURES_PER_ACCOUNT; attempt += 1) {
      await checkCredentials(db, { email: user.email, password: "wrong password" }, `10.1.0.${attempt}`);
    }
    expect(await checkCredentials(db, { email: user.email, password: TEST_PASSWORD }, "10.2.0.1")).toEqual({
      ok: false,
      reason: "throttled",
    });
  });

  it("throttles an unknown e-mail the same way, so throttling reveals nothing", async () => {
    const email = uniqueEmail("ghost");
    for (let attempt = 0; attempt < MAX_FAILURES_PER_ACCOUNT; attempt += 1) {
      await checkCredentials(db, { email, password: "wrong password" }, "10.3.0.1");
    }
    expect((await checkCredentials(db, { email, password: "wrong password" }, "10.3.0.1")).ok).toBe(false);
    expect(await checkCredentials(db, { email, password: "x" }, "10.3.0.2")).toEqual({ ok: false, reason: "throttled" });
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
