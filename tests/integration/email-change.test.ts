// Changing one's e-mail (issue 12) end to end: a real SMTP server inside the
// test receives both messages (the link to the new address, the notice to the
// old one), and the link from the e-mail is what confirms.
import { afterEach, describe, expect, it } from "vitest";
import { checkCredentials } from "@/server/auth/accounts";
import {
  EMAIL_CHANGE_SAME_ADDRESS,
  EMAIL_CHANGE_TTL_HOURS,
  EMAIL_CHANGE_UNAVAILABLE,
  EMAIL_CHANGE_WRONG_PASSWORD,
} from "@/server/account/email-change";
import { advanceClockForTests, freezeClockForTests, resetClock } from "@/server/clock";
import { EMAIL_CHANGE_LINK_DEAD } from "@/lib/schemas/email-change";
import { callerFor, seedClient, seedTherapist, TEST_PASSWORD, uniqueEmail } from "../factories";
import { connectTestDb, snapshotDatabase } from "../support/db";
import { rejection } from "../support/errors";
import { useTestSmtp, type TReceivedMail } from "../support/smtp";

const db = connectTestDb();

const { mailsTo, received } = useTestSmtp();

afterEach(() => resetClock());

const LINK = /https:\/\/alliance\.test\/confirm-email#([A-Za-z0-9_-]{43}\.[0-9]+)/;

function tokenFrom(message: TReceivedMail): string {
  const token = message.mail.text?.match(LINK)?.[1];
  expect(token, "a confirmation link in the e-mail").toBeTruthy();
  return token!;
}

async function askToMove(person: { id: string; sessionVersion: number }, newEmail: string) {
  const caller = await callerFor(db, person);
  await caller.account.requestEmailChange({ newEmail, currentPassword: TEST_PASSWORD });
}

describe("changing e-mail", () => {
  it("sends the link to the new address and a notice without it to the old one; the link makes the change", async () => {
    const client = await seedClient(db, { name: "Mira Sol" });
    const newEmail = uniqueEmail("mira-new");
    await askToMove(client, newEmail);

    const [toNew] = mailsTo(newEmail);
    const [toOld] = mailsTo(client.email);
    expect(toNew.mail.subject).toBe("Confirm your new address for Alliance");
    expect(toNew.mail.html).toContain("/confirm-email#");
    expect(toOld.mail.subject).toBe("A change of your Alliance e-mail was asked");
    expect(toOld.mail.text).toContain(newEmail);
    expect(toOld.raw).not.toContain("confirm-email");
    const token = tokenFrom(toNew);

    // Nothing changes before the link is used.
    expect((await db.user.findUniqueOrThrow({ where: { id: client.id } })).email).toBe(client.email);
    const stored = await db.accountToken.findFirstOrThrow({ where: { userId: client.id, purpose: "email_change" } });
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.tokenHash).not.toContain(token.slice(0, 20));
    expect(stored.newEmail).toBe(newEmail);

    // Confirming works signed out (the phone that got the e-mail).
    expect(await (await callerFor(db, null)).account.confirmEmailChange({ token })).toEqual({ email: newEmail });
    expect((await db.user.findUniqueOrThrow({ where: { id: client.id } })).email).toBe(newEmail);
    expect((await checkCredentials(db, { email: newEmail, password: TEST_PASSWORD }, "10.7.7.1")).ok).toBe(true);
    expect((await checkCredentials(db, { email: client.email, password: TEST_PASSWORD }, "10.7.7.2")).ok).toBe(false);
    // The session that asked carries on.
    expect((await (await callerFor(db, client)).account.me()).email).toBe(newEmail);
  });

  it("refuses the link a second time, once expired, tampered with, or after a password change", async () => {
    const therapist = await seedTherapist(db);
    const first = uniqueEmail("twice");
    await askToMove(therapist, first);
    const token = tokenFrom(mailsTo(first)[0]);
    const visitor = await callerFor(db, null);
    await visitor.account.confirmEmailChange({ token });
    const used = await rejection(visitor.account.confirmEmailChange({ token }));
    expect(used.code).toBe("NOT_FOUND");
    expect(used.message).toBe(EMAIL_CHANGE_LINK_DEAD);

    // Expired: just past the limit on the app's clock.
    const client = await seedClient(db);
    freezeClockForTests(new Date());
    const late = uniqueEmail("late");
    await askToMove(client, late);
    const lateToken = tokenFrom(mailsTo(late)[0]);
    advanceClockForTests(EMAIL_CHANGE_TTL_HOURS * 3_600_000 + 1);
    expect((await rejection(visitor.account.confirmEmailChange({ token: lateToken }))).code).toBe("NOT_FOUND");
    resetClock();

    // Tampered: one character of the random part, or the version, changed.
    const other = await seedClient(db);
    const tampered = uniqueEmail("tampered");
    await askToMove(other, tampered);
    const good = tokenFrom(mailsTo(tampered)[0]);
    const flipped = `${good[0] === "A" ? "B" : "A"}${good.slice(1)}`;
    const reversioned = good.replace(/\.[0-9]+$/, ".99");
    const before = await snapshotDatabase(db);
    for (const bad of [flipped, reversioned, good.split(".")[0]]) {
      expect((await rejection(visitor.account.confirmEmailChange({ token: bad }))).code).toBe("NOT_FOUND");
    }
    expect((await rejection(visitor.account.confirmEmailChange({ token: "not-a-token" }))).code).toBe("BAD_REQUEST");
    expect(await snapshotDatabase(db)).toEqual(before);

    // A password change since asking retires the link: "change your password" really stops it.
    await (await callerFor(db, other)).account.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "a different long password" });
    expect((await rejection(visitor.account.confirmEmailChange({ token: good }))).code).toBe("NOT_FOUND");
    expect((await db.user.findUniqueOrThrow({ where: { id: other.id } })).email).toBe(other.email);
  });

  it("answers the same when the new address already has an account, and sends no link", async () => {
    const client = await seedClient(db);
    const taken = await seedTherapist(db);
    const caller = await callerFor(db, client);
    const answer = await caller.account.requestEmailChange({ newEmail: taken.email, currentPassword: TEST_PASSWORD });
    expect(answer).toEqual({ ok: true });
    const [toTaken] = mailsTo(taken.email);
    expect(toTaken.mail.subject).toBe("Someone tried to use this address on Alliance");
    expect(toTaken.raw).not.toContain("confirm-email");
    expect(mailsTo(client.email)).toHaveLength(1);
    expect(await db.accountToken.count({ where: { userId: client.id, purpose: "email_change" } })).toBe(0);
  });

  it("refuses calmly at confirmation when the address was taken in between, changing nothing", async () => {
    const client = await seedClient(db);
    const wanted = uniqueEmail("contested");
    await askToMove(client, wanted);
    const token = tokenFrom(mailsTo(wanted)[0]);
    await seedTherapist(db, { email: wanted });
    const before = await snapshotDatabase(db);

    const error = await rejection((await callerFor(db, null)).account.confirmEmailChange({ token }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe(EMAIL_CHANGE_UNAVAILABLE);
    expect(await snapshotDatabase(db)).toEqual(before);
  });

  it("refuses a wrong password or the current address on their fields, sending and storing nothing", async () => {
    const client = await seedClient(db);
    const caller = await callerFor(db, client);
    const before = await snapshotDatabase(db);
    const sent = received.length;

    const wrong = await rejection(caller.account.requestEmailChange({ newEmail: uniqueEmail("x"), currentPassword: "nope nope" }));
    expect(wrong.code).toBe("BAD_REQUEST");
    expect((wrong.cause as { fieldErrors?: unknown }).fieldErrors).toEqual({ currentPassword: [EMAIL_CHANGE_WRONG_PASSWORD] });
    const same = await rejection(caller.account.requestEmailChange({ newEmail: client.email.toUpperCase(), currentPassword: TEST_PASSWORD }));
    expect((same.cause as { fieldErrors?: unknown }).fieldErrors).toEqual({ newEmail: [EMAIL_CHANGE_SAME_ADDRESS] });
    const malformed = await rejection(caller.account.requestEmailChange({ newEmail: "not an address", currentPassword: "" }));
    expect(malformed.code).toBe("BAD_REQUEST");

    expect(await snapshotDatabase(db)).toEqual(before);
    expect(received.length).toBe(sent);
  });

  it("retires an earlier link when asked again", async () => {
    const client = await seedClient(db);
    const firstAddress = uniqueEmail("first");
    const secondAddress = uniqueEmail("second");
    await askToMove(client, firstAddress);
    await askToMove(client, secondAddress);
    const visitor = await callerFor(db, null);
    expect((await rejection(visitor.account.confirmEmailChange({ token: tokenFrom(mailsTo(firstAddress)[0]) }))).code).toBe("NOT_FOUND");
    expect(await visitor.account.confirmEmailChange({ token: tokenFrom(mailsTo(secondAddress)[0]) })).toEqual({ email: secondAddress });
  });
});
