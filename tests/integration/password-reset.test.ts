// Forgotten password end to end, with every e-mail received by a real SMTP
// server inside the test and parsed with mailparser: the link arrives, works
// once, for an hour, for its own account only; the answer never says whether
// an address has an account; a reset ends every other session.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { performance } from "node:perf_hooks";
import { RESET_LINK_DEAD_MESSAGE, RESET_REQUESTED_MESSAGE } from "@/lib/schemas/password-reset";
import { checkCredentials } from "@/server/auth/accounts";
import { hashResetToken, newResetToken, RESET_TTL_MINUTES } from "@/server/auth/password-reset";
import { settleAfterAnswerWork } from "@/server/after-answer";
import { COMMON_PASSWORD_MESSAGE, EMAIL_IN_PASSWORD_MESSAGE, NAME_IN_PASSWORD_MESSAGE } from "@/server/auth/password-policy";
import { MAX_RESET_REQUESTS_PER_EMAIL, THROTTLE_WINDOW_MINUTES } from "@/server/auth/throttle";
import { deactivateUser } from "@/server/auth/accounts";
import { advanceClockForTests, freezeClockForTests, resetClock } from "@/server/clock";
import { callerFor, seedClient, seedTherapist, TEST_PASSWORD, uniqueEmail } from "../factories";
import { connectTestDb, snapshotDatabase } from "../support/db";
import { rejection } from "../support/errors";
import { useTestSmtp } from "../support/smtp";

const db = connectTestDb();
const NEW_PASSWORD = "a calm new password";

const { mailsTo } = useTestSmtp({ NEXTAUTH_SECRET: "password-reset-test-secret-0123456789abcdef" });

afterEach(resetClock);

afterAll(async () => {
  await settleAfterAnswerWork();
});


const LINK = /https:\/\/alliance\.test\/reset-password#([A-Za-z0-9_-]{43})/;

/** Asks as a signed-out visitor would, then waits for the work done after the answer. */
async function requestReset(email: string) {
  const answer = await (await callerFor(db, null)).auth.requestPasswordReset({ email });
  await settleAfterAnswerWork();
  return answer;
}

async function tokenMailedTo(email: string): Promise<string> {
  const mails = mailsTo(email);
  const text = mails.at(-1)?.mail.text ?? "";
  const match = LINK.exec(text);
  if (!match) throw new Error(`no reset link in the last of ${mails.length} e-mails to ${email}`);
  return match[1];
}

async function reset(token: string, password = NEW_PASSWORD) {
  return (await callerFor(db, null)).auth.resetPassword({ token, newPassword: password, confirmPassword: password });
}

async function passwordWorks(email: string, password: string): Promise<boolean> {
  return (await checkCredentials(db, { email, password }, `10.70.${Math.floor(Math.random() * 250)}.1`)).ok;
}

describe("forgotten password", () => {
  it("e-mails a link that sets a new password, once, and ends every other session", async () => {
    const client = await seedClient(db, { name: "Rosa Reset" });
    const laptop = await callerFor(db, client);
    const laptopSession = (await db.authSession.findFirstOrThrow({ where: { userId: client.id }, select: { id: true } })).id;
    const signedIn = await checkCredentials(db, { email: client.email, password: TEST_PASSWORD }, "10.71.0.1");
    expect(signedIn.ok).toBe(true);
    expect(await laptop.account.me()).toMatchObject({ id: client.id });

    expect(await requestReset(client.email)).toEqual({ message: RESET_REQUESTED_MESSAGE });
    const [message] = mailsTo(client.email);
    expect(message.mail.subject).toBe("Reset your Alliance password");
    expect(message.mail.text).toContain("Hello Rosa Reset,");
    expect(message.mail.html).toContain("reset-password#");
    const token = await tokenMailedTo(client.email);

    // Only the hash is stored, for one hour, for this account.
    const rows = await db.accountToken.findMany({ where: { userId: client.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ purpose: "password_reset", tokenHash: hashResetToken(token), usedAt: null });
    expect(rows[0].expiresAt.getTime() - rows[0].createdAt.getTime()).toBe(RESET_TTL_MINUTES * 60_000);
    expect(JSON.stringify(await db.accountToken.findMany())).not.toContain(token);

    const visitor = await callerFor(db, null);
    expect(await visitor.auth.checkResetToken({ token })).toEqual({ isUsable: true });

    // Passwords that don't match: a field error, nothing changes.
    const mismatch = await rejection(visitor.auth.resetPassword({ token, newPassword: NEW_PASSWORD, confirmPassword: "something else" }));
    expect(mismatch.code).toBe("BAD_REQUEST");
    expect((mismatch.cause as unknown as { issues: { path: string[] }[] }).issues.map((issue) => issue.path[0])).toEqual(["confirmPassword"]);
    expect(await visitor.auth.checkResetToken({ token })).toEqual({ isUsable: true });

    expect(await db.knownDevice.count({ where: { userId: client.id } })).toBe(1);
    expect(await reset(token)).toEqual({ email: client.email });
    // Whoever knew the old password may hold a known-device cookie: forgotten.
    expect(await db.knownDevice.count({ where: { userId: client.id } })).toBe(0);
    expect(await passwordWorks(client.email, NEW_PASSWORD)).toBe(true);
    expect(await passwordWorks(client.email, TEST_PASSWORD)).toBe(false);

    // Every session that was open has ended; the reset is audited.
    const stale = await callerFor(db, { id: client.id, sessionVersion: client.sessionVersion, sessionId: laptopSession });
    expect((await rejection(stale.account.me())).code).toBe("UNAUTHORIZED");
    const fresh = await db.user.findUniqueOrThrow({ where: { id: client.id }, select: { sessionVersion: true } });
    const sameVersion = await callerFor(db, { id: client.id, sessionVersion: fresh.sessionVersion, sessionId: laptopSession });
    expect((await rejection(sameVersion.account.me())).code).toBe("UNAUTHORIZED");
    expect(
      await db.authSession.count({ where: { userId: client.id, createdAt: { lt: rows[0].createdAt }, endedAt: null } }),
    ).toBe(0);
    expect(await db.auditEvent.count({ where: { actorId: client.id, action: "reset_password", recordId: client.id } })).toBe(1);

    // Used twice: refused, calmly.
    expect(await visitor.auth.checkResetToken({ token })).toEqual({ isUsable: false });
    const twice = await rejection(reset(token, "yet another new password"));
    expect(twice.code).toBe("NOT_FOUND");
    expect(twice.message).toBe(RESET_LINK_DEAD_MESSAGE);
    expect(await passwordWorks(client.email, NEW_PASSWORD)).toBe(true);
  });

  it("refuses a common password, or one holding the name or address, on its field; the link still works", async () => {
    const client = await seedClient(db, { name: "Wren Ashdown" });
    await requestReset(client.email);
    const token = await tokenMailedTo(client.email);
    const before = await snapshotDatabase(db);
    for (const [password, message] of [
      ["sunshine", COMMON_PASSWORD_MESSAGE],
      ["Ashdown forest walks", NAME_IN_PASSWORD_MESSAGE],
      [`${client.email} again`, EMAIL_IN_PASSWORD_MESSAGE],
    ]) {
      const refused = await rejection(reset(token, password));
      expect(refused.code, password).toBe("BAD_REQUEST");
      expect((refused.cause as { fieldErrors?: unknown }).fieldErrors, password).toEqual({ newPassword: [message] });
    }
    expect(await snapshotDatabase(db)).toEqual(before);
    expect(await passwordWorks(client.email, TEST_PASSWORD)).toBe(true);
    expect(await reset(token)).toEqual({ email: client.email });
  });

  it("refuses a link after an hour on the app's clock", async () => {
    const therapist = await seedTherapist(db);
    freezeClockForTests();
    await requestReset(therapist.email);
    const token = await tokenMailedTo(therapist.email);
    advanceClockForTests(RESET_TTL_MINUTES * 60_000 - 1_000);
    expect(await (await callerFor(db, null)).auth.checkResetToken({ token })).toEqual({ isUsable: true });
    advanceClockForTests(1_000);
    expect(await (await callerFor(db, null)).auth.checkResetToken({ token })).toEqual({ isUsable: false });
    const before = await snapshotDatabase(db);
    expect((await rejection(reset(token))).code).toBe("NOT_FOUND");
    expect(await snapshotDatabase(db)).toEqual(before);
    expect(await passwordWorks(therapist.email, TEST_PASSWORD)).toBe(true);
  });

  it("refuses a tampered link, and a made-up one, changing nothing", async () => {
    const client = await seedClient(db);
    await requestReset(client.email);
    const token = await tokenMailedTo(client.email);
    const flipped = `${token.slice(0, 10)}${token[10] === "A" ? "B" : "A"}${token.slice(11)}`;
    const before = await snapshotDatabase(db);
    expect((await rejection(reset(flipped))).code).toBe("NOT_FOUND");
    expect((await rejection(reset(newResetToken().token))).code).toBe("NOT_FOUND");
    expect((await rejection(reset(token.slice(0, 20)))).code).toBe("BAD_REQUEST");
    expect((await rejection(reset(`${token}x`))).code).toBe("BAD_REQUEST");
    expect(await snapshotDatabase(db)).toEqual(before);
    expect(await (await callerFor(db, null)).auth.checkResetToken({ token })).toEqual({ isUsable: true });
  });

  it("binds a link to its own account, address and purpose, and a new request retires the older link", async () => {
    const first = await seedClient(db);
    const second = await seedClient(db);
    await requestReset(first.email);
    const older = await tokenMailedTo(first.email);
    await requestReset(first.email);
    const newer = await tokenMailedTo(first.email);
    expect(newer).not.toBe(older);
    expect((await rejection(reset(older))).code).toBe("NOT_FOUND");

    expect(await reset(newer)).toEqual({ email: first.email });
    expect(await passwordWorks(second.email, TEST_PASSWORD)).toBe(true);
    expect(await passwordWorks(second.email, NEW_PASSWORD)).toBe(false);

    // Bound to the address it went to: after the account's e-mail changes, that link is dead.
    await requestReset(second.email);
    const sentToOld = await tokenMailedTo(second.email);
    const movedTo = uniqueEmail("moved");
    await db.user.update({ where: { id: second.id }, data: { email: movedTo } });
    expect(await (await callerFor(db, null)).auth.checkResetToken({ token: sentToOld })).toEqual({ isUsable: false });
    expect((await rejection(reset(sentToOld))).code).toBe("NOT_FOUND");
    await db.user.update({ where: { id: second.id }, data: { email: second.email } });

    // A token made for another purpose (confirming an e-mail change) is no reset link.
    const { token, tokenHash } = newResetToken();
    await db.accountToken.create({
      data: { userId: second.id, purpose: "email_change", newEmail: uniqueEmail("new"), tokenHash, expiresAt: new Date(Date.now() + 3_600_000) },
    });
    expect((await rejection(reset(token))).code).toBe("NOT_FOUND");
    expect(await passwordWorks(second.email, TEST_PASSWORD)).toBe(true);
  });

  it("answers alike for an address with and without an account, and e-mails only the account", async () => {
    const therapist = await seedTherapist(db);
    const ghost = uniqueEmail("ghost");
    const deactivated = await seedClient(db);
    await deactivateUser(db, deactivated.id);
    const answers = await Promise.all([requestReset(therapist.email), requestReset(ghost), requestReset(deactivated.email)]);
    expect(new Set(answers.map((answer) => JSON.stringify(answer)))).toEqual(new Set([JSON.stringify({ message: RESET_REQUESTED_MESSAGE })]));
    expect(mailsTo(therapist.email)).toHaveLength(1);
    expect(mailsTo(ghost)).toHaveLength(0);
    expect(mailsTo(deactivated.email)).toHaveLength(0);
    expect(await db.accountToken.count({ where: { userId: deactivated.id } })).toBe(0);

    // Timing: measured, printed, not asserted (machines are noisy). The answer
    // is sent before the address is even looked up, so the ratio should sit near 1.
    freezeClockForTests();
    const rounds = 12;
    const times = { known: 0, unknown: 0 };
    for (let round = 0; round < rounds; round += 1) {
      // A new window each round, so the per-address throttle never answers instead.
      advanceClockForTests((THROTTLE_WINDOW_MINUTES + 1) * 60_000);
      const order = [["known", therapist.email], ["unknown", ghost]] as const;
      // Alternating which goes first, so warming up favours neither.
      for (const [kind, email] of round % 2 === 0 ? order : [...order].reverse()) {
        const caller = await callerFor(db, null);
        const started = performance.now();
        await caller.auth.requestPasswordReset({ email });
        times[kind] += performance.now() - started;
        await settleAfterAnswerWork();
      }
    }
    console.log(
      `[password-reset timing] ${rounds} rounds: known ${(times.known / rounds).toFixed(2)} ms, unknown ${(times.unknown / rounds).toFixed(2)} ms, ratio ${(times.known / times.unknown).toFixed(2)}`,
    );
    expect(mailsTo(ghost)).toHaveLength(0);
  });

  it("throttles requests per address and per e-mail, with the same answer whether or not it has an account", async () => {
    const client = await seedClient(db);
    const ghost = uniqueEmail("ghost");
    for (const email of [client.email, ghost]) {
      for (let request = 0; request < MAX_RESET_REQUESTS_PER_EMAIL; request += 1) await requestReset(email);
      const limited = await rejection(requestReset(email));
      expect(limited.code).toBe("TOO_MANY_REQUESTS");
      expect(limited.message).toBe("Too many requests. Please wait 15 minutes and try again.");
    }
    expect(mailsTo(client.email)).toHaveLength(MAX_RESET_REQUESTS_PER_EMAIL);

    const meta = { ip: "10.72.0.1", userAgent: "vitest" };
    const fromOnePlace = await callerFor(db, null, meta);
    const outcomes: string[] = [];
    for (let request = 0; request < 25; request += 1) {
      outcomes.push(
        await fromOnePlace.auth.requestPasswordReset({ email: uniqueEmail("spray") }).then(
          () => "ok",
          (error: { code: string }) => error.code,
        ),
      );
    }
    expect(outcomes.slice(0, 20)).toEqual(Array(20).fill("ok"));
    expect(new Set(outcomes.slice(20))).toEqual(new Set(["TOO_MANY_REQUESTS"]));
    await settleAfterAnswerWork();
  });

  it("lets the owner sign in at once after a reset, even while someone guesses", async () => {
    const client = await seedClient(db);
    freezeClockForTests();
    for (let host = 1; host <= 15; host += 1) {
      await checkCredentials(db, { email: client.email, password: `guess ${host}` }, `10.73.${host}.1`);
    }
    expect((await checkCredentials(db, { email: client.email, password: TEST_PASSWORD }, "10.73.0.9")).ok).toBe(false);
    await requestReset(client.email);
    await reset(await tokenMailedTo(client.email));
    expect((await checkCredentials(db, { email: client.email, password: NEW_PASSWORD }, "10.73.0.9")).ok).toBe(true);
  });
});
