// Two-step sign-in (TOTP) against a real Postgres: enrolment, sign-in with a
// code or a recovery code, reuse and guessing refused, the secret sealed and
// carried through key rotation, turning it off. Time is frozen through
// server/clock.ts and codes are made with the same library at that time.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkCredentials } from "@/server/auth/accounts";
import { CODE_THROTTLE_WINDOW_MINUTES, isRecoveryCodeMatch, MAX_CODE_FAILURES, needsTwoFactorEnrolment } from "@/server/auth/totp";
import { createHash } from "node:crypto";
import { advanceClockForTests, freezeClockForTests, resetClock } from "@/server/clock";
import { resealAll } from "@/server/crypto/reseal";
import { generateDataKey, parseDataKey } from "@/server/crypto/sealed-text";
import { getEnv, setEnvForChildren } from "@/server/env";
import { callerFor, seedClient, seedTherapist, TEST_PASSWORD } from "../factories";
import { connectTestDb, snapshotDatabase } from "../support/db";
import { connectCountingDb } from "../support/statement-counter";
import { rejection } from "../support/errors";
import { codeFor, enrolTwoFactor } from "../support/totp";

const db = connectTestDb();
const counting = connectCountingDb();
const originalKey = getEnv().DATA_ENCRYPTION_KEY!;
const STEP = 30_000;

beforeEach(() => {
  // The start of a 30-second step, so "one step later" is unambiguous.
  freezeClockForTests(new Date("2026-03-02T09:00:00.000Z"));
});
afterEach(resetClock);

function fieldErrorsOf(error: { cause?: unknown }) {
  return (error.cause as { fieldErrors?: Record<string, string[]> } | undefined)?.fieldErrors;
}

let ipCounter = 0;
/** Each sign-in from its own address, so only the per-account code throttle is in play. */
function signIn(email: string, code?: string) {
  ipCounter += 1;
  return checkCredentials(db, { email, password: TEST_PASSWORD, code }, `10.88.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`);
}

async function sessionCount(userId: string) {
  return db.authSession.count({ where: { userId } });
}

async function enrolledTherapist() {
  const therapist = await seedTherapist(db);
  const caller = await callerFor(db, therapist);
  const { secret, recoveryCodes } = await enrolTwoFactor(caller);
  advanceClockForTests(STEP); // enrolling used up this step's code
  return { therapist, caller, secret, recoveryCodes };
}

describe("turning on two-step sign-in", () => {
  it("shows a QR code and the key, refuses a wrong first code, and turns on with the right one", async () => {
    const therapist = await seedTherapist(db);
    const caller = await callerFor(db, therapist);

    // The password first: nothing is shown, or stored, without it.
    const before = await snapshotDatabase(db);
    const noPassword = await rejection(caller.twoFactor.begin({ password: "not my password" }));
    expect(noPassword.code).toBe("BAD_REQUEST");
    expect(fieldErrorsOf(noPassword)).toHaveProperty("password");
    expect(JSON.stringify(noPassword)).not.toMatch(/qrCode|secret/);
    expect(await snapshotDatabase(db)).toEqual(before);
    expect((await db.user.findUniqueOrThrow({ where: { id: therapist.id }, select: { totpPending: true } })).totpPending).toBeNull();

    const setup = await caller.twoFactor.begin({ password: TEST_PASSWORD });
    expect(setup.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(setup.qrCode.split(",")[1]!, "base64").toString()).toContain("<svg");
    const key = setup.secret.replace(/\s/g, "");
    expect(key).toMatch(/^[A-Z2-7]{32}$/); // 20 random bytes, base32

    const pending = await snapshotDatabase(db);
    const wrong = await rejection(caller.twoFactor.confirm({ code: codeFor(key, 5) }));
    expect(wrong.code).toBe("BAD_REQUEST");
    expect(fieldErrorsOf(wrong)).toHaveProperty("code");
    expect(await snapshotDatabase(db)).toEqual(pending);
    expect(before).not.toEqual(pending); // the pending secret, sealed
    expect(await caller.twoFactor.status()).toMatchObject({ isEnabled: false });

    const { recoveryCodes } = await caller.twoFactor.confirm({ code: codeFor(setup.secret) });
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    // 16 characters of a 32-letter alphabet: 80 random bits each.
    for (const code of recoveryCodes) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}$/);
    expect(await caller.twoFactor.status()).toMatchObject({ isEnabled: true, recoveryCodesLeft: 10, hasShortRecoveryCodes: false });

    // Stored only as argon2id hashes (a slow hash: a copied table can't be brute-forced), never shown again.
    const stored = await db.recoveryCode.findMany({ where: { userId: therapist.id }, select: { codeHash: true } });
    expect(stored).toHaveLength(10);
    for (const row of stored) expect(row.codeHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    for (const code of recoveryCodes) {
      expect((await Promise.all(stored.map((row) => isRecoveryCodeMatch(therapist.id, row.codeHash, code)))).filter(Boolean)).toHaveLength(1);
    }
    const rows = JSON.stringify(await db.$queryRaw`SELECT * FROM recovery_codes WHERE user_id = ${therapist.id}::uuid`);
    for (const code of recoveryCodes) expect(rows).not.toContain(code.replace(/-/g, ""));
    expect(JSON.stringify(await caller.twoFactor.status())).not.toContain(recoveryCodes[0]);

    expect((await rejection(caller.twoFactor.begin({ password: TEST_PASSWORD }))).code).toBe("CONFLICT");
  });

  it("lets clients turn it on too", async () => {
    const client = await seedClient(db);
    await enrolTwoFactor(await callerFor(db, client));
    advanceClockForTests(STEP);
    expect(await signIn(client.email)).toEqual({ ok: false, reason: "two_factor_required" });
  });

  it("keeps the secret sealed, and key rotation carries it over", async () => {
    const { therapist, secret } = await enrolledTherapist();
    const key = secret.replace(/\s/g, "");
    const [raw] = await db.$queryRaw<{ totp_secret: string }[]>`SELECT totp_secret FROM users WHERE id = ${therapist.id}::uuid`;
    expect(raw!.totp_secret).toMatch(/^enc1:/);
    expect(raw!.totp_secret).not.toContain(key);

    const newKey = generateDataKey();
    try {
      setEnvForChildren({ DATA_ENCRYPTION_KEY: newKey, DATA_ENCRYPTION_OLD_KEYS: originalKey });
      const report = await resealAll(db);
      expect(report.totpSecret.unreadable).toBe(0);
      expect(report.totpSecret.resealed).toBeGreaterThanOrEqual(1);
      const [after] = await db.$queryRaw<{ totp_secret: string }[]>`SELECT totp_secret FROM users WHERE id = ${therapist.id}::uuid`;
      expect(after!.totp_secret.startsWith(`enc1:${parseDataKey(newKey, "new").id}:`)).toBe(true);
      // The old key retired: codes still work.
      setEnvForChildren({ DATA_ENCRYPTION_KEY: newKey, DATA_ENCRYPTION_OLD_KEYS: "" });
      expect(await signIn(therapist.email, codeFor(secret))).toMatchObject({ ok: true });
    } finally {
      // The worker's database outlives this file: leave everything under its key.
      setEnvForChildren({ DATA_ENCRYPTION_KEY: originalKey, DATA_ENCRYPTION_OLD_KEYS: newKey });
      await resealAll(db);
      setEnvForChildren({ DATA_ENCRYPTION_KEY: originalKey, DATA_ENCRYPTION_OLD_KEYS: "" });
    }
    // Two rotations of every row the worker's database holds, whatever files ran in it before.
  }, 120_000);
});

describe("signing in with two-step sign-in on", () => {
  it("asks for the code after the password, and starts no session until it is right", async () => {
    const { therapist, secret } = await enrolledTherapist();
    const sessionsBefore = await sessionCount(therapist.id);

    expect(await signIn(therapist.email)).toEqual({ ok: false, reason: "two_factor_required" });
    expect(await signIn(therapist.email, codeFor(secret, 3))).toEqual({ ok: false, reason: "two_factor_invalid" });
    // Anything typed is just a wrong code, never an error: six characters that are not six bytes, a long string.
    expect(await signIn(therapist.email, "é12345")).toEqual({ ok: false, reason: "two_factor_invalid" });
    expect(await signIn(therapist.email, "x".repeat(64))).toEqual({ ok: false, reason: "two_factor_invalid" });
    expect(await sessionCount(therapist.id)).toBe(sessionsBefore);
    // A wrong password with a right code is still just a wrong password.
    const wrongPassword = await checkCredentials(db, { email: therapist.email, password: "not the password", code: codeFor(secret) }, "10.88.200.1");
    expect(wrongPassword).toMatchObject({ ok: false, reason: "invalid" });

    const signedIn = await signIn(therapist.email, codeFor(secret));
    expect(signedIn).toMatchObject({ ok: true });
    expect(await sessionCount(therapist.id)).toBe(sessionsBefore + 1);
  });

  it("accepts a code one step early or late, but each code only once", async () => {
    const { therapist, secret } = await enrolledTherapist();
    const code = codeFor(secret, 1); // the phone's clock runs a little fast
    expect(await signIn(therapist.email, code)).toMatchObject({ ok: true });
    expect(await signIn(therapist.email, code)).toEqual({ ok: false, reason: "two_factor_invalid" });
    // Nor an older one, still inside the window.
    expect(await signIn(therapist.email, codeFor(secret))).toEqual({ ok: false, reason: "two_factor_invalid" });
    advanceClockForTests(2 * STEP);
    expect(await signIn(therapist.email, codeFor(secret))).toMatchObject({ ok: true });
  });

  it("lets a recovery code sign in once, then never again", async () => {
    const { therapist, caller, recoveryCodes } = await enrolledTherapist();
    const code = recoveryCodes[3]!;
    expect(await signIn(therapist.email, code.toUpperCase())).toMatchObject({ ok: true });
    expect(await signIn(therapist.email, code)).toEqual({ ok: false, reason: "two_factor_invalid" });
    expect(await db.recoveryCode.count({ where: { userId: therapist.id, usedAt: { not: null } } })).toBe(1);
    expect(await caller.twoFactor.status()).toMatchObject({ recoveryCodesLeft: 9 });
  });

  it("still takes a recovery code made before codes grew to 80 bits, and asks for new ones", async () => {
    const { therapist, caller } = await enrolledTherapist();
    // How a 60-bit code was kept: a salted sha256.
    const shortCode = "ab12-cd34-ef56";
    const codeHash = createHash("sha256").update(`alliance-recovery-code\0${therapist.id}\0ab12cd34ef56`).digest("hex");
    await db.recoveryCode.create({ data: { userId: therapist.id, codeHash } });
    expect(await caller.twoFactor.status()).toMatchObject({ hasShortRecoveryCodes: true, recoveryCodesLeft: 11 });
    expect(await signIn(therapist.email, "AB12 CD34 EF56")).toMatchObject({ ok: true });
    expect(await signIn(therapist.email, shortCode)).toEqual({ ok: false, reason: "two_factor_invalid" });
  });

  it("throttles wrong codes per account, even with the right code after, until the window passes", async () => {
    const { therapist, secret } = await enrolledTherapist();
    for (let attempt = 0; attempt < MAX_CODE_FAILURES; attempt += 1) {
      expect(await signIn(therapist.email, `00000${attempt}`)).toEqual({ ok: false, reason: "two_factor_invalid" });
    }
    expect(await signIn(therapist.email, codeFor(secret))).toEqual({ ok: false, reason: "two_factor_throttled" });
    expect(await signIn(therapist.email, "aaaa-bbbb-cccc")).toEqual({ ok: false, reason: "two_factor_throttled" });
    advanceClockForTests(CODE_THROTTLE_WINDOW_MINUTES * 60_000 + STEP);
    expect(await signIn(therapist.email, codeFor(secret))).toMatchObject({ ok: true });
  });

  it("leaves accounts without it signing in with just the password", async () => {
    const therapist = await seedTherapist(db);
    expect(await signIn(therapist.email)).toMatchObject({ ok: true });
  });
});

describe("managing two-step sign-in", () => {
  it("makes new recovery codes only with a current code; the old ones stop working", async () => {
    const { therapist, caller, secret, recoveryCodes } = await enrolledTherapist();
    const wrong = await rejection(caller.twoFactor.regenerateRecoveryCodes({ code: codeFor(secret, 4) }));
    expect(fieldErrorsOf(wrong)).toHaveProperty("code");
    const fresh = await caller.twoFactor.regenerateRecoveryCodes({ code: codeFor(secret) });
    expect(fresh.recoveryCodes).toHaveLength(10);
    advanceClockForTests(STEP);
    expect(await signIn(therapist.email, recoveryCodes[0])).toEqual({ ok: false, reason: "two_factor_invalid" });
    expect(await signIn(therapist.email, fresh.recoveryCodes[0])).toMatchObject({ ok: true });
  });

  it("turns off only with the password and a current code", async () => {
    const { therapist, caller, secret } = await enrolledTherapist();
    const before = await snapshotDatabase(db);
    const wrongPassword = await rejection(caller.twoFactor.disable({ password: "not my password", code: codeFor(secret) }));
    expect(fieldErrorsOf(wrongPassword)).toHaveProperty("password");
    const wrongCode = await rejection(caller.twoFactor.disable({ password: TEST_PASSWORD, code: codeFor(secret, 4) }));
    expect(fieldErrorsOf(wrongCode)).toHaveProperty("code");
    expect(await snapshotDatabase(db)).toEqual(before);

    await caller.twoFactor.disable({ password: TEST_PASSWORD, code: codeFor(secret) });
    expect(await caller.twoFactor.status()).toMatchObject({ isEnabled: false, recoveryCodesLeft: 0 });
    expect(await db.recoveryCode.count({ where: { userId: therapist.id } })).toBe(0);
    const row = await db.user.findUniqueOrThrow({ where: { id: therapist.id }, select: { totpSecret: true, totpPending: true } });
    expect(row).toEqual({ totpSecret: null, totpPending: null });
    expect(await signIn(therapist.email)).toMatchObject({ ok: true });
  });

  it("turns off with a recovery code when the phone is lost", async () => {
    const { caller, recoveryCodes } = await enrolledTherapist();
    await caller.twoFactor.disable({ password: TEST_PASSWORD, code: recoveryCodes[9]! });
    expect(await caller.twoFactor.status()).toMatchObject({ isEnabled: false });
  });

  it("requires therapists (not clients) to enrol by default, unless the practice turns it off or it is a demo", async () => {
    const therapist = await seedTherapist(db);
    const client = await seedClient(db);
    const sessionUser = async (who: { id: string; sessionVersion: number }) => (await callerFor(db, who)).account.me();
    try {
      // The default: required (the test database setup turns it off for other files).
      delete process.env.REQUIRE_TWO_FACTOR_FOR_THERAPISTS;
      delete process.env.DEMO_MODE;
      setEnvForChildren({});
      expect(needsTwoFactorEnrolment({ role: "therapist", hasTwoFactor: false })).toBe(true);
      expect(needsTwoFactorEnrolment({ role: "client", hasTwoFactor: false })).toBe(false);
      const caller = await callerFor(db, therapist);
      expect(await caller.twoFactor.status()).toMatchObject({ isRequired: true, isRequirementOff: false, isEnabled: false });
      // Until then the API refuses everything but their own account settings.
      expect((await rejection(caller.engagement.list())).code).toBe("FORBIDDEN");
      expect(await sessionUser(therapist)).toMatchObject({ id: therapist.id });
      expect(await (await callerFor(db, client)).engagement.list()).toBeDefined();
      await enrolTwoFactor(caller);
      expect(await (await callerFor(db, therapist)).engagement.list()).toBeDefined();
      // The requirement costs no statement: whether it is on is read with the session itself.
      const requestWith = async (requirement: "true" | "false") => {
        setEnvForChildren({ REQUIRE_TWO_FACTOR_FOR_THERAPISTS: requirement });
        return counting.countStatements(async () => (await callerFor(counting.db, therapist)).engagement.list());
      };
      expect(await requestWith("true")).toBe(await requestWith("false"));
      delete process.env.REQUIRE_TWO_FACTOR_FOR_THERAPISTS;
      setEnvForChildren({});

      // A demo installation, or a practice that turned it off, says so on the account page.
      setEnvForChildren({ DEMO_MODE: "true" });
      expect(needsTwoFactorEnrolment({ role: "therapist", hasTwoFactor: false })).toBe(false);
      setEnvForChildren({ DEMO_MODE: "false", REQUIRE_TWO_FACTOR_FOR_THERAPISTS: "false" });
      expect(needsTwoFactorEnrolment({ role: "therapist", hasTwoFactor: false })).toBe(false);
      const other = await seedTherapist(db);
      expect(await (await callerFor(db, other)).twoFactor.status()).toMatchObject({ isRequired: false, isRequirementOff: true });
      expect(await (await callerFor(db, client)).twoFactor.status()).toMatchObject({ isRequired: false, isRequirementOff: false });
    } finally {
      delete process.env.DEMO_MODE;
      setEnvForChildren({ REQUIRE_TWO_FACTOR_FOR_THERAPISTS: "false" });
    }
  });
});
