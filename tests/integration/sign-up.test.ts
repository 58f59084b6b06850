// A therapist's sign-up tells nobody whether an address already has an
// account: the answer is the same words for every address, and an e-mail
// (read here through a real SMTP server) decides what comes next. Only whoever
// follows the link chooses the name and password, once, before it expires.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { SIGN_UP_LINK_DEAD_MESSAGE, SIGN_UP_REQUESTED_MESSAGE } from "@/lib/schemas/account";
import { checkCredentials } from "@/server/auth/accounts";
import { SIGN_UP_LINK_TTL_HOURS } from "@/server/auth/email-proofs";
import { COMMON_PASSWORD_MESSAGE, EMAIL_IN_PASSWORD_MESSAGE, NAME_IN_PASSWORD_MESSAGE } from "@/server/auth/password-policy";
import { MAX_SIGN_UPS_PER_ADDRESS, MAX_SIGN_UPS_PER_EMAIL } from "@/server/auth/throttle";
import { settleAfterAnswerWork } from "@/server/after-answer";
import { advanceClockForTests, freezeClockForTests, resetClock } from "@/server/clock";
import { callerFor, seedClient, seedTherapist, uniqueEmail } from "../factories";
import { connectTestDb, snapshotDatabase } from "../support/db";
import { rejection } from "../support/errors";
import { useTestSmtp } from "../support/smtp";

const db = connectTestDb();
const { mailsTo } = useTestSmtp({ NEXTAUTH_SECRET: "sign-up-test-secret-0123456789abcdef0123" });
const PASSWORD = "a long enough password";

afterEach(resetClock);
afterAll(settleAfterAnswerWork);

function fieldErrorsOf(error: { cause?: unknown }): unknown {
  return (error.cause as { fieldErrors?: unknown } | undefined)?.fieldErrors;
}

/** The fields a schema refused (over HTTP the error formatter turns these into field errors). */
function refusedFields(error: { cause?: unknown }): string[] {
  return [...new Set((error.cause as unknown as { issues: { path: string[] }[] }).issues.map((issue) => issue.path[0]!))].sort();
}

/** Asks as a visitor would, then waits for the e-mail sent after the answer. */
async function askToSignUp(email: string, meta?: { ip: string; userAgent: string }) {
  const answer = await (await callerFor(db, null, meta)).auth.signUp({ email });
  await settleAfterAnswerWork();
  return answer;
}

function linkTokenIn(email: string): string | null {
  return /\/sign-up\/finish#([A-Za-z0-9_-]{43})/.exec(mailsTo(email).at(-1)?.mail.text ?? "")?.[1] ?? null;
}

describe("asking to sign up", () => {
  it("answers the same words for a free address and a taken one, and only the inbox learns which", async () => {
    const free = uniqueEmail("free");
    const therapist = await seedTherapist(db);
    const client = await seedClient(db);
    const answers = [await askToSignUp(free), await askToSignUp(therapist.email.toUpperCase()), await askToSignUp(client.email)];
    expect(answers).toEqual([{ message: SIGN_UP_REQUESTED_MESSAGE }, { message: SIGN_UP_REQUESTED_MESSAGE }, { message: SIGN_UP_REQUESTED_MESSAGE }]);
    // Nothing is created by asking.
    expect(await db.user.count({ where: { email: free } })).toBe(0);

    expect(mailsTo(free).map((message) => message.mail.subject)).toEqual(["Finish creating your Alliance account"]);
    expect(linkTokenIn(free)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    for (const taken of [therapist.email, client.email]) {
      const [note] = mailsTo(taken);
      expect(note?.mail.subject).toBe("You already have an Alliance account");
      expect(note?.mail.text).toContain("https://alliance.test/sign-in");
      expect(linkTokenIn(taken)).toBeNull();
    }
    // Only a hash of the link's token is kept.
    const stored = await db.emailProof.findFirstOrThrow({ where: { email: free }, select: { tokenHash: true, purpose: true } });
    expect(stored).toEqual({ tokenHash: expect.stringMatching(/^[0-9a-f]{64}$/), purpose: "therapist_sign_up" });
    expect(stored.tokenHash).not.toContain(linkTokenIn(free)!.slice(0, 16));
  });

  it("refuses extra fields such as a role, and a malformed address, writing nothing", async () => {
    const caller = await callerFor(db, null);
    const before = await snapshotDatabase(db);
    expect((await rejection(caller.auth.signUp({ email: uniqueEmail("mass"), role: "client" } as never))).code).toBe("BAD_REQUEST");
    const malformed = await rejection(caller.auth.signUp({ email: "not-an-email" }));
    expect(malformed.code).toBe("BAD_REQUEST");
    expect(refusedFields(malformed)).toEqual(["email"]);
    expect(await snapshotDatabase(db)).toEqual(before);
  });

  it("slows down many requests from one network address, and for one address whoever asks", async () => {
    const fromOnePlace = { ip: "192.0.2.77", userAgent: "vitest" };
    for (let attempt = 0; attempt < MAX_SIGN_UPS_PER_ADDRESS; attempt += 1) await askToSignUp(uniqueEmail("many"), fromOnePlace);
    expect((await rejection((await callerFor(db, null, fromOnePlace)).auth.signUp({ email: uniqueEmail("one-more") }))).code).toBe("TOO_MANY_REQUESTS");

    // Nobody's inbox is flooded: the same answer, whether or not the address has an account.
    const taken = (await seedTherapist(db)).email;
    const free = uniqueEmail("flooded");
    for (const email of [taken, free]) {
      for (let attempt = 0; attempt < MAX_SIGN_UPS_PER_EMAIL; attempt += 1) await askToSignUp(email);
      expect((await rejection((await callerFor(db, null)).auth.signUp({ email }))).code).toBe("TOO_MANY_REQUESTS");
      expect(mailsTo(email)).toHaveLength(MAX_SIGN_UPS_PER_EMAIL);
    }
  });
});

describe("finishing from the link", () => {
  it("lets whoever holds it choose the name and password, once, with an argon2id hash", async () => {
    const email = uniqueEmail("dana");
    await askToSignUp(email.toUpperCase());
    const token = linkTokenIn(email)!;
    const visitor = await callerFor(db, null);
    expect(await visitor.auth.checkSignUpLink({ token })).toEqual({ isUsable: true, email });

    expect(await visitor.auth.finishSignUp({ token, name: " Dana Reyes ", password: PASSWORD, timeZone: "Europe/Berlin" })).toEqual({ email });
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ name: "Dana Reyes", role: "therapist", timeZone: "Europe/Berlin" });
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect((await checkCredentials(db, { email, password: PASSWORD }, "10.5.5.1")).ok).toBe(true);

    // Once only.
    expect(await visitor.auth.checkSignUpLink({ token })).toEqual({ isUsable: false });
    const again = await rejection(visitor.auth.finishSignUp({ token, name: "Someone Else", password: PASSWORD, timeZone: "UTC" }));
    expect(again.code).toBe("NOT_FOUND");
    expect(again.message).toBe(SIGN_UP_LINK_DEAD_MESSAGE);
  });

  it("stops working after a day on the app's clock", async () => {
    freezeClockForTests();
    const email = uniqueEmail("late");
    await askToSignUp(email);
    const token = linkTokenIn(email)!;
    advanceClockForTests(SIGN_UP_LINK_TTL_HOURS * 3_600_000 + 1);
    const visitor = await callerFor(db, null);
    expect(await visitor.auth.checkSignUpLink({ token })).toEqual({ isUsable: false });
    expect((await rejection(visitor.auth.finishSignUp({ token, name: "Late", password: PASSWORD, timeZone: "UTC" }))).code).toBe("NOT_FOUND");
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("turns dead, never into a second account, when the address got an account meanwhile", async () => {
    const email = uniqueEmail("twice");
    await askToSignUp(email);
    await askToSignUp(email);
    const [first, second] = mailsTo(email).map((message) => /#([A-Za-z0-9_-]{43})/.exec(message.mail.text ?? "")![1]!);
    const visitor = await callerFor(db, null);
    await visitor.auth.finishSignUp({ token: first!, name: "First", password: PASSWORD, timeZone: "UTC" });
    expect(await visitor.auth.checkSignUpLink({ token: second! })).toEqual({ isUsable: false });
    const refused = await rejection(visitor.auth.finishSignUp({ token: second!, name: "Second", password: PASSWORD, timeZone: "UTC" }));
    expect(refused.message).toBe(SIGN_UP_LINK_DEAD_MESSAGE);
    expect(await db.user.findMany({ where: { email }, select: { name: true } })).toEqual([{ name: "First" }]);
  });

  it("refuses a common password, or one holding the name or the address, on its field, writing nothing", async () => {
    const email = uniqueEmail("hazel.moss");
    await askToSignUp(email);
    const token = linkTokenIn(email)!;
    const visitor = await callerFor(db, null);
    const before = await snapshotDatabase(db);
    for (const [password, message] of [
      ["Password123", COMMON_PASSWORD_MESSAGE],
      ["hazel in the garden", NAME_IN_PASSWORD_MESSAGE],
      [`my ${email.split("@")[0]!.toUpperCase()} password`, EMAIL_IN_PASSWORD_MESSAGE],
    ]) {
      const refused = await rejection(visitor.auth.finishSignUp({ token, name: "Hazel Moss", password, timeZone: "UTC" }));
      expect(refused.code, password).toBe("BAD_REQUEST");
      expect(fieldErrorsOf(refused), password).toEqual({ password: [message] });
    }
    expect(await snapshotDatabase(db)).toEqual(before);
    expect(await visitor.auth.checkSignUpLink({ token })).toEqual({ isUsable: true, email });
  });

  it("answers bad input field by field and writes nothing", async () => {
    const before = await snapshotDatabase(db);
    const error = await rejection(
      (await callerFor(db, null)).auth.finishSignUp({ token: "x".repeat(43), name: "", password: "short", timeZone: "Mars/Olympus" }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(refusedFields(error)).toEqual(["name", "password", "timeZone"]);
    expect(await snapshotDatabase(db)).toEqual(before);
  });
});
