import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { hashInvitationToken } from "@/server/invitations/tokens";
import { INVITATION_LINK_SENT } from "@/server/invitations/invitations";
import { runJobsOnce } from "@/server/jobs/worker";
import { requireDatabaseUrl } from "@/server/env";
import { maskEmail } from "@/lib/format";
import { getEnv } from "@/server/env";
import { COMMON_PASSWORD_MESSAGE, EMAIL_IN_PASSWORD_MESSAGE, NAME_IN_PASSWORD_MESSAGE } from "@/server/auth/password-policy";
import { callerFor, seedCast, seedClient, seedInvitation, seedTherapist, uniqueEmail } from "../factories";
import { snapshotDatabase, connectTestDb } from "../support/db";
import { rejection } from "../support/errors";

const db = connectTestDb();

/** The worker's turn: queued invitation e-mails are captured to the outbox. */
async function runJobs() {
  await runJobsOnce({ connectionString: requireDatabaseUrl(), isSilent: true });
}

/** The outbox's copies of mail to `email` with this subject. */
async function outboxMail(email: string, subject: string): Promise<string[]> {
  const outbox = getEnv().MAIL_OUTBOX_DIR;
  const files = (await readdir(outbox)).filter((file) => file.includes(email));
  const mails = await Promise.all(files.map((file) => readFile(path.join(outbox, file), "utf8")));
  return mails.filter((eml) => eml.includes(`Subject: ${subject}`));
}

function tokenOf(inviteUrl: string): string {
  return inviteUrl.split("/invite/")[1];
}

const NEW_CLIENT = { name: "Noor Haddad", password: "a long enough password", timeZone: "Asia/Dubai" };

describe("invitation.create", () => {
  it("stores only a hash of a 256-bit token, expires in 7 days, and captures the e-mail with the link", async () => {
    const therapist = await seedTherapist(db, { name: "Dr. Outbox" });
    const email = uniqueEmail("outbox");
    const link = await (await callerFor(db, therapist)).invitation.create({ name: "Noor", email: email.toUpperCase() });

    const token = tokenOf(link.inviteUrl);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const invitation = await db.invitation.findFirstOrThrow({ where: { engagementId: link.engagementId } });
    expect(invitation.email).toBe(email);
    expect(invitation.tokenHash).toBe(hashInvitationToken(token));
    expect(JSON.stringify(invitation)).not.toContain(token);
    const days = (invitation.expiresAt.getTime() - invitation.createdAt.getTime()) / 86_400_000;
    expect(days).toBeCloseTo(7, 1);
    expect(link.delivery).toBe("outbox");

    await runJobs();
    const mails = await outboxMail(email, "Dr. Outbox invited you to Alliance");
    expect(mails).toHaveLength(1);
    const eml = mails[0]!;
    expect(eml).toContain(`To: ${email}`);
    expect(eml).toContain("Dr. Outbox invited you to Alliance");
    expect(eml).toContain(link.inviteUrl);
  });

  it("refuses a second pending invitation or an active client at the same address, on the e-mail field", async () => {
    const cast = await seedCast(db);
    const caller = await callerFor(db, cast.therapist);
    const pending = await rejection(caller.invitation.create({ name: "Again", email: cast.invitation.email }));
    expect(pending.code).toBe("CONFLICT");
    const active = await rejection(caller.invitation.create({ name: "Again", email: cast.client.email }));
    expect(active.code).toBe("CONFLICT");
    expect((active.cause as unknown as { fieldErrors: Record<string, string[]> }).fieldErrors.email).toBeDefined();
    // Another therapist may invite the same person.
    await expect(
      (await callerFor(db, cast.otherTherapist)).invitation.create({ name: "Cleo", email: cast.client.email }),
    ).resolves.toMatchObject({ delivery: "outbox" });
  });
});

describe("accepting as a new client", () => {
  it("creates the client account with the invited address and activates the engagement", async () => {
    const cast = await seedCast(db);
    const { email } = await (await callerFor(db, null)).invitation.acceptNew({ token: cast.invitation.token, proof: cast.invitation.proof, ...NEW_CLIENT });
    expect(email).toBe(cast.invitation.email);

    const client = await db.user.findUniqueOrThrow({ where: { email } });
    expect(client).toMatchObject({ role: "client", name: NEW_CLIENT.name, timeZone: NEW_CLIENT.timeZone });
    const engagement = await db.engagement.findUniqueOrThrow({ where: { id: cast.invitation.engagement.id } });
    expect(engagement).toMatchObject({ status: "active", clientId: client.id });
    expect(engagement.startedAt).toBeInstanceOf(Date);

    const therapistList = await (await callerFor(db, cast.therapist)).engagement.list();
    expect(therapistList.find((item) => item.id === engagement.id)?.counterpart.name).toBe(NEW_CLIENT.name);
    const clientList = await (await callerFor(db, client)).engagement.list();
    expect(clientList.map((item) => item.counterpart.name)).toEqual(["Tess Therapist"]);
    expect(await db.notification.count({ where: { userId: cast.therapist.id, kind: "invitation_accepted" } })).toBe(1);
  });

  it("works once: a second use, or a race, changes nothing", async () => {
    const cast = await seedCast(db);
    const visitor = await callerFor(db, null);
    const results = await Promise.allSettled([
      visitor.invitation.acceptNew({ token: cast.invitation.token, proof: cast.invitation.proof, ...NEW_CLIENT }),
      visitor.invitation.acceptNew({ token: cast.invitation.token, proof: cast.invitation.proof, ...NEW_CLIENT, name: "Someone Else" }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.count({ where: { email: cast.invitation.email } })).toBe(1);

    const before = await snapshotDatabase(db);
    const again = await rejection(visitor.invitation.acceptNew({ token: cast.invitation.token, proof: cast.invitation.proof, ...NEW_CLIENT }));
    expect(again.message).toMatch(/already been used/);
    expect(await snapshotDatabase(db)).toEqual(before);
  });

  it("refuses a common password, or one holding the name or the invited address, on its field, writing nothing", async () => {
    const therapist = await seedTherapist(db);
    const { token, proof, email } = await seedInvitation(db, therapist.id, { name: "Ottilie Brandt" });
    const visitor = await callerFor(db, null);
    const before = await snapshotDatabase(db);
    for (const [password, name, message] of [
      ["trustno1", NEW_CLIENT.name, COMMON_PASSWORD_MESSAGE],
      ["haddad family recipes", NEW_CLIENT.name, NAME_IN_PASSWORD_MESSAGE],
      // The name the therapist wrote on the invitation counts too.
      ["brandt family recipes", NEW_CLIENT.name, NAME_IN_PASSWORD_MESSAGE],
      [`${email.split("@")[0]} is me`, NEW_CLIENT.name, EMAIL_IN_PASSWORD_MESSAGE],
    ]) {
      const refused = await rejection(visitor.invitation.acceptNew({ ...NEW_CLIENT, token, proof, name, password }));
      expect(refused.code, password).toBe("BAD_REQUEST");
      expect((refused.cause as { fieldErrors?: unknown }).fieldErrors, password).toEqual({ password: [message] });
    }
    expect(await snapshotDatabase(db)).toEqual(before);
    expect((await visitor.invitation.preview({ token })).state).toBe("valid");
  });

  it("never merges into an existing account: its owner must sign in", async () => {
    const therapist = await seedTherapist(db);
    const existing = await seedClient(db);
    const { token, proof } = await seedInvitation(db, therapist.id, { email: existing.email });
    const before = await snapshotDatabase(db);
    const error = await rejection((await callerFor(db, null)).invitation.acceptNew({ token, proof, ...NEW_CLIENT }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/Sign in to accept/);
    expect(await snapshotDatabase(db)).toEqual(before);
    expect(await db.user.findUniqueOrThrow({ where: { id: existing.id } })).toMatchObject({ name: existing.name });
  });

  it("explains expired, withdrawn and tampered links, and writes nothing", async () => {
    const therapist = await seedTherapist(db);
    const expired = await seedInvitation(db, therapist.id, { expiresAt: new Date(Date.now() - 1000) });
    const withdrawn = await seedInvitation(db, therapist.id);
    await (await callerFor(db, therapist)).invitation.revoke({ engagementId: withdrawn.engagement.id });
    const visitor = await callerFor(db, null);
    const before = await snapshotDatabase(db);

    expect((await visitor.invitation.preview({ token: expired.token })).state).toBe("expired");
    expect((await visitor.invitation.preview({ token: withdrawn.token })).state).toBe("withdrawn");
    const tampered = `${expired.token.slice(0, -1)}${expired.token.endsWith("A") ? "B" : "A"}`;
    expect(await visitor.invitation.preview({ token: tampered })).toEqual({ state: "invalid" });

    expect((await rejection(visitor.invitation.acceptNew({ token: expired.token, proof: expired.proof, ...NEW_CLIENT }))).message).toMatch(/expired/);
    expect((await rejection(visitor.invitation.acceptNew({ token: withdrawn.token, proof: withdrawn.proof, ...NEW_CLIENT }))).message).toMatch(
      /withdrawn/,
    );
    expect((await rejection(visitor.invitation.acceptNew({ token: tampered, proof: expired.proof, ...NEW_CLIENT }))).message).toMatch(/isn't valid/);
    expect(await snapshotDatabase(db)).toEqual(before);
  });
});

describe("no account oracle: what an invitation link tells whoever opens it", () => {
  it("says the same for an address with an account and one without, to a stranger and to the inviting therapist", async () => {
    const therapist = await seedTherapist(db, { name: "Dr. Curious" });
    const existing = await seedClient(db);
    const withAccount = await seedInvitation(db, therapist.id, { email: existing.email, name: "Same Name" });
    const withoutAccount = await seedInvitation(db, therapist.id, { email: uniqueEmail("fresh"), name: "Same Name" });
    for (const viewer of [null, therapist]) {
      const caller = await callerFor(db, viewer);
      const [a, b] = [await caller.invitation.preview({ token: withAccount.token }), await caller.invitation.preview({ token: withoutAccount.token })];
      const shape = (preview: typeof a) => ({ ...preview, maskedEmail: "(masked)" });
      expect(shape(a)).toEqual(shape(b));
      expect(JSON.stringify(a)).not.toContain(existing.email);
      // Without the proof from the e-mailed link, opening says nothing either.
      for (const invitation of [withAccount, withoutAccount]) {
        expect(await caller.invitation.open({ token: invitation.token, proof: withoutAccount.proof === invitation.proof ? withAccount.proof : withoutAccount.proof })).toEqual({ state: "needs-proof" });
        expect(await caller.invitation.emailLink({ token: invitation.token })).toEqual({ message: INVITATION_LINK_SENT(maskEmail(invitation.email)) });
      }
    }
    expect(maskEmail(existing.email)).toMatch(/^.•••@test\.alliance\.test$/);
  });

  it("with the proof from the inbox, tells its holder what comes next: set up, or sign in", async () => {
    const therapist = await seedTherapist(db);
    const existing = await seedClient(db);
    const fresh = await seedInvitation(db, therapist.id, { name: "Noor" });
    const known = await seedInvitation(db, therapist.id, { email: existing.email });
    const visitor = await callerFor(db, null);
    expect(await visitor.invitation.open({ token: fresh.token, proof: fresh.proof })).toEqual({ state: "set-up", email: fresh.email, inviteeName: "Noor" });
    expect(await visitor.invitation.open({ token: known.token, proof: known.proof })).toEqual({ state: "sign-in", email: existing.email });
  });

  it("e-mails a link with a fresh proof after the answer, which sets up the account; the link alone never can", async () => {
    const therapist = await seedTherapist(db, { name: "Dr. Link" });
    const email = uniqueEmail("copied");
    // The link the therapist copied from the screen: no proof.
    const { inviteUrl } = await (await callerFor(db, therapist)).invitation.create({ name: "Remy", email });
    const token = tokenOf(inviteUrl);
    const visitor = await callerFor(db, null);
    const before = await snapshotDatabase(db);
    const refused = await rejection(visitor.invitation.acceptNew({ token, proof: "y".repeat(43), ...NEW_CLIENT, name: "Remy" }));
    expect(refused.code).toBe("FORBIDDEN");
    expect(await snapshotDatabase(db)).toEqual(before);

    await visitor.invitation.emailLink({ token });
    await runJobs();
    const [eml] = await outboxMail(email, "Your link to Alliance");
    expect(eml).toBeDefined();
    const proof = new RegExp(`/invite/${token}#([A-Za-z0-9_-]{43})`).exec(eml!.replace(/=\r?\n/g, ""))![1]!;
    expect(await visitor.invitation.open({ token, proof })).toMatchObject({ state: "set-up", email });
    await visitor.invitation.acceptNew({ token, proof, ...NEW_CLIENT, name: "Remy" });
    expect(await db.user.count({ where: { email } })).toBe(1);
  });
});

describe("accepting as an existing client", () => {
  it("links the signed-in client whose address was invited", async () => {
    const therapist = await seedTherapist(db, { name: "Dr. Second" });
    const client = await seedClient(db);
    const { token, engagement } = await seedInvitation(db, therapist.id, { email: client.email });
    const accountBefore = await db.user.findUniqueOrThrow({ where: { id: client.id } });
    // Signed in with the invited address, the page may say it is theirs.
    expect(await (await callerFor(db, client)).invitation.preview({ token })).toMatchObject({ state: "valid", isForViewer: true, therapistName: "Dr. Second" });

    await (await callerFor(db, client)).invitation.acceptExisting({ token });
    expect(await db.engagement.findUniqueOrThrow({ where: { id: engagement.id } })).toMatchObject({
      status: "active",
      clientId: client.id,
    });
    // The account itself is untouched: same name, password, version.
    expect(await db.user.findUniqueOrThrow({ where: { id: client.id } })).toEqual(accountBefore);
  });

  it("refuses a client signed in with another address", async () => {
    const cast = await seedCast(db);
    const before = await snapshotDatabase(db);
    const error = await rejection((await callerFor(db, cast.client)).invitation.acceptExisting({ token: cast.invitation.token }));
    expect(error.code).toBe("FORBIDDEN");
    expect(await snapshotDatabase(db)).toEqual(before);
  });
});

describe("managing pending invitations", () => {
  it("resend issues a new link and the old one stops working", async () => {
    const cast = await seedCast(db);
    const link = await (await callerFor(db, cast.therapist)).invitation.resend({ engagementId: cast.invitation.engagement.id });
    const visitor = await callerFor(db, null);
    expect(await visitor.invitation.preview({ token: cast.invitation.token })).toEqual({ state: "invalid" });
    expect((await visitor.invitation.preview({ token: tokenOf(link.inviteUrl) })).state).toBe("valid");
  });

  it("a withdrawn invitation leaves the caseload; pending ones show their address and expiry", async () => {
    const cast = await seedCast(db);
    const caller = await callerFor(db, cast.therapist);
    const pending = (await caller.engagement.list()).find((item) => item.id === cast.invitation.engagement.id);
    expect(pending).toMatchObject({ status: "invited", invitation: { email: cast.invitation.email, isExpired: false } });

    await caller.invitation.revoke({ engagementId: cast.invitation.engagement.id });
    expect((await caller.engagement.list()).map((item) => item.id)).not.toContain(cast.invitation.engagement.id);
  });

  it("cannot resend or withdraw once accepted", async () => {
    const cast = await seedCast(db);
    await (await callerFor(db, null)).invitation.acceptNew({ token: cast.invitation.token, proof: cast.invitation.proof, ...NEW_CLIENT });
    const caller = await callerFor(db, cast.therapist);
    expect((await rejection(caller.invitation.resend({ engagementId: cast.invitation.engagement.id }))).code).toBe(
      "BAD_REQUEST",
    );
    expect((await rejection(caller.invitation.revoke({ engagementId: cast.invitation.engagement.id }))).code).toBe(
      "BAD_REQUEST",
    );
  });
});

describe("ending an engagement", () => {
  it("either party can end it; both keep read-only access and nothing more can be written", async () => {
    const cast = await seedCast(db);
    await (await callerFor(db, cast.client)).engagement.end({ engagementId: cast.engagement.id });
    const ended = await db.engagement.findUniqueOrThrow({ where: { id: cast.engagement.id } });
    expect(ended).toMatchObject({ status: "ended", endedById: cast.client.id });

    for (const party of [cast.therapist, cast.client]) {
      const caller = await callerFor(db, party);
      expect((await caller.engagement.byId({ engagementId: cast.engagement.id })).status).toBe("ended");
      const again = await rejection(caller.engagement.end({ engagementId: cast.engagement.id }));
      expect(again.code).toBe("FORBIDDEN");
      expect(again.message).toMatch(/read-only/);
    }
  });

  it("keeps an earlier therapist visible to the client after a new one starts", async () => {
    const cast = await seedCast(db);
    await (await callerFor(db, cast.therapist)).engagement.end({ engagementId: cast.engagement.id });
    const { token } = await seedInvitation(db, cast.otherTherapist.id, { email: cast.client.email });
    await (await callerFor(db, cast.client)).invitation.acceptExisting({ token });
    const list = await (await callerFor(db, cast.client)).engagement.list();
    expect(list.map((item) => [item.counterpart.name, item.status])).toEqual([
      ["Otto Othertherapist", "active"],
      ["Tess Therapist", "ended"],
    ]);
  });
});
