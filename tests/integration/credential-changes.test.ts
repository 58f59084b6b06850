// Every change to how a person signs in asks for proof first (the current
// password, or a fresh two-step code), and tells the owner by e-mail what
// changed, when and how to get help; a password change, a reset and "sign out
// everywhere else" also forget known browsers and retire reset links. Mail is
// read through a real SMTP server inside the test (tests/support/smtp.ts).
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { checkCredentials } from "@/server/auth/accounts";
import { findKnownDevice } from "@/server/auth/known-devices";
import { isResetTokenUsable } from "@/server/auth/password-reset";
import { settleAfterAnswerWork } from "@/server/after-answer";
import { SECURITY_NOTICE_SUBJECTS, type TSecurityChange } from "@/server/auth/security-notices";
import { loadSessionUser, startSession } from "@/server/auth/session-user";
import { advanceClockForTests, freezeClockForTests, resetClock } from "@/server/clock";
import { callerFor, seedClient, seedTherapist, TEST_PASSWORD, uniqueEmail } from "../factories";
import { connectTestDb, snapshotDatabase } from "../support/db";
import { rejection } from "../support/errors";
import { useTestSmtp, type TReceivedMail } from "../support/smtp";
import { codeFor, enrolTwoFactor } from "../support/totp";

const db = connectTestDb();
const smtp = useTestSmtp({ NEXTAUTH_SECRET: "credential-changes-test-secret-0123456789abcdef" });
const NEW_PASSWORD = "a quiet harbour at dawn";
const STEP = 30_000;

beforeEach(() => {
  freezeClockForTests(new Date("2026-03-02T09:00:00.000Z"));
});
afterEach(resetClock);
afterAll(settleAfterAnswerWork);

function fieldErrorsOf(error: { cause?: unknown }) {
  return (error.cause as { fieldErrors?: Record<string, string[]> } | undefined)?.fieldErrors;
}

function noticesTo(email: string, change: TSecurityChange): TReceivedMail[] {
  return smtp.mailsTo(email).filter((message) => message.mail.subject === SECURITY_NOTICE_SUBJECTS[change]);
}

/** What every notice must say: what, when on the person's own clock, and where to get help; nothing that acts by itself. */
function expectHelpfulNotice(message: TReceivedMail | undefined, when: RegExp) {
  expect(message).toBeDefined();
  const text = message!.mail.text ?? "";
  expect(text).toMatch(when);
  expect(text).toContain("If it wasn't you");
  expect(text).toContain("https://alliance.test/forgot-password");
  expect(message!.mail.html).toContain("https://alliance.test/forgot-password");
  expect(text).not.toMatch(/reset-password#|confirm-email#/);
}

/** A browser that signed in with the password: it holds a known-device cookie. */
async function knownBrowser(email: string, ip: string): Promise<string> {
  const result = await checkCredentials(db, { email, password: TEST_PASSWORD }, ip);
  if (!result.ok) throw new Error(`could not sign in: ${result.reason}`);
  return result.deviceToken;
}

async function resetLinkFor(email: string): Promise<string> {
  await (await callerFor(db, null)).auth.requestPasswordReset({ email });
  await settleAfterAnswerWork();
  const link = /reset-password#([A-Za-z0-9_-]{43})/.exec(smtp.mailsTo(email).at(-1)?.mail.text ?? "");
  if (!link) throw new Error("no reset link arrived");
  return link[1]!;
}

describe("two-step sign-in", () => {
  it("turning it on asks for the password before anything is shown, then e-mails the owner", async () => {
    const therapist = await seedTherapist(db, { name: "Dr. Ada Quill", timeZone: "Europe/London" });
    const caller = await callerFor(db, therapist);
    const before = await snapshotDatabase(db);
    const refused = await rejection(caller.twoFactor.begin({ password: "someone else's guess" }));
    expect(fieldErrorsOf(refused)).toEqual({ password: ["That password isn't right."] });
    expect(await snapshotDatabase(db)).toEqual(before);
    expect(smtp.mailsTo(therapist.email)).toHaveLength(0);

    const { secret, recoveryCodes } = await enrolTwoFactor(caller);
    const [notice] = noticesTo(therapist.email, "two_factor_on");
    expectHelpfulNotice(notice, /Two-step sign-in was turned on for your Alliance account on Mon 2 Mar, 09:00 GMT\./);
    expect(notice!.mail.text).toContain("Hello Dr. Ada Quill,");
    // Neither the key nor a recovery code travels by e-mail.
    expect(notice!.raw).not.toContain(secret.replace(/\s/g, ""));
    for (const code of recoveryCodes) expect(notice!.raw).not.toContain(code);
  });

  it("new recovery codes need a current code, and the owner is told", async () => {
    const therapist = await seedTherapist(db);
    const caller = await callerFor(db, therapist);
    const { secret } = await enrolTwoFactor(caller);
    advanceClockForTests(STEP);
    const refused = await rejection(caller.twoFactor.regenerateRecoveryCodes({ code: codeFor(secret, 5) }));
    expect(fieldErrorsOf(refused)).toHaveProperty("code");
    expect(noticesTo(therapist.email, "recovery_codes")).toHaveLength(0);

    await caller.twoFactor.regenerateRecoveryCodes({ code: codeFor(secret) });
    expectHelpfulNotice(noticesTo(therapist.email, "recovery_codes")[0], /New recovery codes .* on Mon 2 Mar, 09:00 GMT\./);
  });

  it("turning it off needs the password and a code, and the owner is told", async () => {
    const client = await seedClient(db, { timeZone: "America/New_York" });
    const caller = await callerFor(db, client);
    const { secret } = await enrolTwoFactor(caller);
    advanceClockForTests(STEP);
    const wrongPassword = await rejection(caller.twoFactor.disable({ password: "not it", code: codeFor(secret) }));
    expect(fieldErrorsOf(wrongPassword)).toHaveProperty("password");
    expect(noticesTo(client.email, "two_factor_off")).toHaveLength(0);

    await caller.twoFactor.disable({ password: TEST_PASSWORD, code: codeFor(secret) });
    // On the person's own clock: 04:00 in New York.
    expectHelpfulNotice(noticesTo(client.email, "two_factor_off")[0], /turned off for your Alliance account on Mon 2 Mar, 04:00 GMT-5\./);
  });
});

describe("the password", () => {
  it("a change needs the current one, forgets every known browser, retires reset links and e-mails the owner", async () => {
    const client = await seedClient(db);
    const phone = await knownBrowser(client.email, "10.61.0.1");
    const laptop = await knownBrowser(client.email, "10.61.0.2");
    const link = await resetLinkFor(client.email);
    const caller = await callerFor(db, client);

    const before = await snapshotDatabase(db);
    const refused = await rejection(caller.account.changePassword({ currentPassword: "a guess", newPassword: NEW_PASSWORD }));
    expect(fieldErrorsOf(refused)).toHaveProperty("currentPassword");
    expect(await snapshotDatabase(db)).toEqual(before);
    expect(await db.knownDevice.count({ where: { userId: client.id } })).toBe(2);
    expect(noticesTo(client.email, "password_changed")).toHaveLength(0);

    await caller.account.changePassword({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(await findKnownDevice(db, phone, client.id)).toBeNull();
    expect(await findKnownDevice(db, laptop, client.id)).toBeNull();
    expect(await isResetTokenUsable(db, link)).toBe(false);
    expectHelpfulNotice(noticesTo(client.email, "password_changed")[0], /Your Alliance password was changed on Mon 2 Mar, 09:00 GMT\./);
    expect(noticesTo(client.email, "password_changed")[0]!.raw).not.toContain(NEW_PASSWORD);
  });

  it("a reset forgets every known browser and e-mails the owner that it happened", async () => {
    const therapist = await seedTherapist(db);
    const known = await knownBrowser(therapist.email, "10.62.0.1");
    const link = await resetLinkFor(therapist.email);
    await (await callerFor(db, null)).auth.resetPassword({ token: link, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(await findKnownDevice(db, known, therapist.id)).toBeNull();
    expectHelpfulNotice(noticesTo(therapist.email, "password_reset")[0], /reset with a link sent to this address on Mon 2 Mar, 09:00 GMT\./);
  });
});

describe("signing out everywhere else", () => {
  it("keeps this browser known, forgets the others, and retires reset links", async () => {
    const client = await seedClient(db);
    const thisBrowser = await knownBrowser(client.email, "10.63.0.1");
    const lostPhone = await knownBrowser(client.email, "10.63.0.2");
    const link = await resetLinkFor(client.email);
    const sessionId = await startSession(db, client.id);
    const check = await loadSessionUser(db, { userId: client.id, sessionVersion: client.sessionVersion, sessionId });
    if (!check.ok) throw new Error("no session");
    const caller = createCaller({ db, user: check.user, sessionId, knownDeviceToken: thisBrowser, meta: { ip: "10.63.0.1", userAgent: "vitest" } });

    await caller.account.signOutOthers();
    expect(await findKnownDevice(db, thisBrowser, client.id)).not.toBeNull();
    expect(await findKnownDevice(db, lostPhone, client.id)).toBeNull();
    expect(await isResetTokenUsable(db, link)).toBe(false);
    // This browser is still signed in.
    expect(await caller.account.me()).toMatchObject({ id: client.id });
  });
});

describe("the sign-in e-mail", () => {
  it("a change needs the current password, and once confirmed the old address is told it happened", async () => {
    const client = await seedClient(db);
    const caller = await callerFor(db, client);
    const newEmail = uniqueEmail("moved");
    const refused = await rejection(caller.account.requestEmailChange({ newEmail, currentPassword: "a guess" }));
    expect(fieldErrorsOf(refused)).toHaveProperty("currentPassword");
    expect(smtp.mailsTo(newEmail)).toHaveLength(0);

    await caller.account.requestEmailChange({ newEmail, currentPassword: TEST_PASSWORD });
    const token = /confirm-email#(\S+)/.exec(smtp.mailsTo(newEmail)[0]?.mail.text ?? "")?.[1];
    expect(noticesTo(client.email, "email_changed")).toHaveLength(0);
    await (await callerFor(db, null)).account.confirmEmailChange({ token: token! });
    expectHelpfulNotice(noticesTo(client.email, "email_changed")[0], /changed from this one to another on Mon 2 Mar, 09:00 GMT\./);
  });
});
