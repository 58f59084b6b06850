// A practice (issue 29): its settings, inviting colleagues by e-mail (through
// a real SMTP server inside the test, jobs run by graphile-worker), joining,
// roles, leaving and deactivating; the practice's two-step requirement, crisis
// text and reminder defaults reaching its people and clients; an admin
// inviting no clients.
import { afterAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { z, ZodError } from "zod";
import { getDb } from "@/server/db/client";
import { crisisResourcesText, requireDatabaseUrl } from "@/server/env";
import { runJobsOnce } from "@/server/jobs/worker";
import { loadSessionUser, startSession } from "@/server/auth/session-user";
import { issueEmailProof } from "@/server/auth/email-proofs";
import { NOT_ALONE_MESSAGE } from "@/server/practices/invitations";
import { TWO_FACTOR_REQUIRED_MESSAGE } from "@/server/auth/totp";
import { connectTestDb, snapshotDatabase } from "../support/db";
import { useTestSmtp } from "../support/smtp";
import { callerFor, seedClient, seedEngagement, seedPracticeOf, seedTherapist, seedWorkingPair, uniqueEmail } from "../factories";

const db = connectTestDb();
const smtp = useTestSmtp();

afterAll(async () => {
  await getDb().$disconnect();
});

async function runJobs() {
  await runJobsOnce({ connectionString: requireDatabaseUrl(), isSilent: true });
}

/** The joining link in the e-mail, with quoted-printable soft breaks undone. */
function joinTokenIn(raw: string): string {
  return /https:\/\/alliance\.test\/join#([A-Za-z0-9_-]{43})/.exec(raw.replace(/=\r?\n/g, ""))![1]!;
}

async function refusal(call: Promise<unknown>): Promise<{ code: string; message: string; fieldErrors?: Record<string, string[]> }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCError) {
      const cause = error.cause;
      const fieldErrors =
        cause instanceof ZodError ? (z.flattenError(cause).fieldErrors as Record<string, string[]>) : (cause as { fieldErrors?: Record<string, string[]> } | undefined)?.fieldErrors;
      return { code: error.code, message: error.message, fieldErrors };
    }
    throw error;
  }
  throw new Error("expected a refusal");
}

const SETTINGS = {
  name: "Harbour Therapy",
  crisisResources: "Harbour crisis line: 0800 123 456, any hour.",
  requireTwoStep: false,
  homeworkReminderAt: "19:30",
  hasQuietHours: true,
  quietFrom: "22:00",
  quietUntil: "07:30",
  defaultMeasures: ["gad7" as const],
  defaultMeasureSchedule: "once" as const,
};

/** An owner of a practice with one colleague of each kind, and a client of the owner's. */
async function seedPractice() {
  const pair = await seedWorkingPair(db, { therapist: "Olive Owner", client: "Cara Client" });
  const practice = await seedPracticeOf(db, pair.therapist, pair.engagement);
  return { ...pair, ...practice.people, practiceId: practice.id };
}

describe("practice settings", () => {
  it("are a practice of one's defaults until the first change, which makes the practice", async () => {
    const solo = await seedTherapist(db, { name: "Sam Solo" });
    const caller = await callerFor(db, solo);
    expect(await caller.practice.settings()).toMatchObject({ practiceId: null, name: "Sam Solo's practice", requireTwoStep: false, homeworkReminderAt: "18:00" });
    const saved = await caller.practice.updateSettings(SETTINGS);
    expect(saved).toMatchObject({ name: "Harbour Therapy", quietFrom: "22:00", defaultMeasures: ["gad7"], defaultMeasureSchedule: "once" });
    const member = await db.practiceMember.findFirstOrThrow({ where: { userId: solo.id } });
    expect(member).toMatchObject({ practiceId: saved.practiceId, role: "owner", leftAt: null });
    expect(await caller.practice.measureDefaults()).toEqual({ kinds: ["gad7"], schedule: "once" });
    expect(await db.auditEvent.count({ where: { actorId: solo.id, recordType: "practice", action: "update", recordId: saved.practiceId } })).toBe(1);
  });

  it("refuse bad input field by field and change nothing", async () => {
    const { therapist } = await seedPractice();
    const caller = await callerFor(db, therapist);
    const before = await snapshotDatabase(db);
    const refused = await refusal(
      caller.practice.updateSettings({ ...SETTINGS, name: "  ", crisisResources: "x".repeat(2001), homeworkReminderAt: "25:00", quietUntil: "22:00" }),
    );
    expect(refused.code).toBe("BAD_REQUEST");
    expect(Object.keys(refused.fieldErrors ?? {}).sort()).toEqual(["crisisResources", "homeworkReminderAt", "name", "quietUntil"]);
    expect(await snapshotDatabase(db)).toEqual(before);
  });

  it("are for the owner and admins only", async () => {
    const { admin, colleague, supervisor } = await seedPractice();
    expect((await (await callerFor(db, admin)).practice.updateSettings(SETTINGS)).name).toBe("Harbour Therapy");
    for (const member of [colleague, supervisor]) {
      expect((await refusal((await callerFor(db, member)).practice.settings())).code).toBe("FORBIDDEN");
    }
  });

  it("put the practice's crisis text in front of its clients, and the instance's in front of everyone else's", async () => {
    const { therapist, client } = await seedPractice();
    const stranger = await seedWorkingPair(db, { therapist: "Other Therapist", client: "Other Client" });
    await (await callerFor(db, therapist)).practice.updateSettings(SETTINGS);
    const asClient = await loadSessionUser(db, { userId: client.id, sessionVersion: 1, sessionId: await startSession(db, client.id) });
    if (!asClient.ok) throw new Error("expected a session");
    expect(crisisResourcesText(asClient.user)).toBe(SETTINGS.crisisResources);
    const asStranger = await loadSessionUser(db, { userId: stranger.client.id, sessionVersion: 1, sessionId: await startSession(db, stranger.client.id) });
    if (!asStranger.ok) throw new Error("expected a session");
    expect(crisisResourcesText(asStranger.user)).toBe(crisisResourcesText());
    expect(crisisResourcesText(asStranger.user)).not.toContain("Harbour");
  });

  it("when two-step sign-in is required, keep every member without it at their account settings", async () => {
    const { therapist, colleague } = await seedPractice();
    await (await callerFor(db, therapist)).practice.updateSettings({ ...SETTINGS, requireTwoStep: true });
    const asColleague = await callerFor(db, colleague);
    expect(await refusal(asColleague.practice.overview())).toMatchObject({ code: "FORBIDDEN", message: TWO_FACTOR_REQUIRED_MESSAGE });
    expect((await asColleague.twoFactor.status()).isRequired).toBe(true);
    expect((await asColleague.account.me()).id).toBe(colleague.id);
    // A therapist of another practice is untouched.
    expect((await (await callerFor(db, await seedTherapist(db))).practice.overview()).practiceId).toBeNull();
  });

  it("start a client who joins with the practice's reminder defaults", async () => {
    const { therapist } = await seedPractice();
    const owner = await callerFor(db, therapist);
    await owner.practice.updateSettings(SETTINGS);
    const email = uniqueEmail("new-client");
    const link = await owner.invitation.create({ name: "Nell New", email });
    const proof = await issueEmailProof(db, { purpose: "invitation", email, invitationId: link.invitationId, expiresAt: link.expiresAt });
    await (await callerFor(db, null)).invitation.acceptNew({
      token: link.inviteUrl.split("/invite/")[1]!,
      proof,
      name: "Nell New",
      password: "a long enough password",
      timeZone: "UTC",
    });
    const client = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    expect(await db.notificationSettings.findUniqueOrThrow({ where: { userId: client.id } })).toMatchObject({
      homeworkReminderAt: "19:30",
      quietFrom: "22:00",
      quietUntil: "07:30",
    });
  });
});

describe("inviting a colleague", () => {
  it("e-mails the link after the commit; someone new joins with it, once, and the owner sees them", async () => {
    const { therapist } = await seedPractice();
    const owner = await callerFor(db, therapist);
    const email = uniqueEmail("joiner");
    const sent = await owner.practice.invite({ name: "Jo Joiner", email, role: "clinician" });
    expect(sent.delivery).toBe("queued");
    const row = await db.practiceInvitation.findUniqueOrThrow({ where: { id: sent.invitationId } });
    expect(row.linkSecret).toMatch(/^enc1:/);
    expect(smtp.mailsTo(email)).toEqual([]);

    await runJobs();
    const mails = smtp.mailsTo(email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.mail.subject).toBe("Olive Owner invited you to join Olive Owner's practice");
    const token = joinTokenIn(mails[0]!.raw);
    await runJobs();
    expect(smtp.mailsTo(email)).toHaveLength(1);

    const visitor = await callerFor(db, null);
    expect(await visitor.practice.checkJoinLink({ token })).toMatchObject({ isUsable: true, role: "clinician", email, hasAccount: false, inviterName: "Olive Owner" });
    const weak = await refusal(visitor.practice.joinNew({ token, name: "Jo Joiner", password: "password1234", timeZone: "UTC" }));
    expect(weak.fieldErrors?.password).toBeTruthy();
    const joined = await visitor.practice.joinNew({ token, name: "Jo Joiner", password: "a long enough password", timeZone: "Europe/Dublin" });
    expect(joined.email).toBe(email);
    const jo = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, role: true, sessionVersion: true } });
    expect(jo.role).toBe("therapist");
    expect((await db.practiceInvitation.findUniqueOrThrow({ where: { id: sent.invitationId } })).linkSecret).toBe("");
    expect(await refusal(visitor.practice.joinNew({ token, name: "Jo Again", password: "a long enough password", timeZone: "UTC" }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await visitor.practice.checkJoinLink({ token })).toMatchObject({ isUsable: false });

    const ownersView = await owner.practice.overview();
    expect(ownersView.members.map((member) => [member.name, member.role])).toContainEqual(["Jo Joiner", "clinician"]);
    const josView = await (await callerFor(db, { id: jo.id, sessionVersion: jo.sessionVersion })).practice.overview();
    expect(josView).toMatchObject({ practiceId: ownersView.practiceId, myRole: "clinician", runsPractice: false, invitations: [] });
    expect(josView.members.map((member) => member.name)).toEqual(expect.arrayContaining(["Olive Owner", "Jo Joiner"]));
    expect(await db.auditEvent.count({ where: { actorId: jo.id, recordType: "practice_member", action: "create" } })).toBe(1);
  });

  it("sends nothing for a withdrawn invitation, and never invites the owner's role", async () => {
    const { therapist, colleague } = await seedPractice();
    const owner = await callerFor(db, therapist);
    const email = uniqueEmail("withdrawn");
    const sent = await owner.practice.invite({ name: "Wyn", email, role: "supervisor" });
    await owner.practice.withdrawInvitation({ invitationId: sent.invitationId });
    await runJobs();
    expect(smtp.mailsTo(email)).toEqual([]);
    const asOwner = await refusal(owner.practice.invite({ name: "Own", email: uniqueEmail("owner"), role: "owner" as "admin" }));
    expect(asOwner.fieldErrors?.role).toBeTruthy();
    expect((await refusal((await callerFor(db, colleague)).practice.invite({ name: "X", email: uniqueEmail("x"), role: "clinician" }))).code).toBe("FORBIDDEN");
  });

  it("lets a therapist who is alone join as themselves, and refuses one who has clients, changing nothing", async () => {
    const { therapist } = await seedPractice();
    const owner = await callerFor(db, therapist);

    const alone = await seedTherapist(db, { name: "Ally Alone" });
    // Alone, with a practice of one written down (they once changed a setting): that row is left behind.
    const soloPractice = await (await callerFor(db, alone)).practice.updateSettings({ ...SETTINGS, name: "Ally's" });
    await owner.practice.invite({ name: "Ally", email: alone.email, role: "supervisor" });
    await runJobs();
    const token = joinTokenIn(smtp.mailsTo(alone.email)[0]!.raw);
    expect(await (await callerFor(db, null)).practice.checkJoinLink({ token })).toMatchObject({ hasAccount: true });
    await (await callerFor(db, alone)).practice.joinExisting({ token });
    const rows = await db.practiceMember.findMany({ where: { userId: alone.id }, orderBy: { joinedAt: "asc" } });
    expect(rows.find((row) => row.practiceId === soloPractice.practiceId)?.leftAt).not.toBeNull();
    expect((await (await callerFor(db, alone)).practice.overview()).myRole).toBe("supervisor");

    const busy = await seedWorkingPair(db, { therapist: "Bea Busy", client: "Busy's Client" });
    await owner.practice.invite({ name: "Bea", email: busy.therapist.email, role: "clinician" });
    await runJobs();
    const busyToken = joinTokenIn(smtp.mailsTo(busy.therapist.email)[0]!.raw);
    const before = await snapshotDatabase(db);
    expect(await refusal((await callerFor(db, busy.therapist)).practice.joinExisting({ token: busyToken }))).toEqual({ code: "CONFLICT", message: NOT_ALONE_MESSAGE, fieldErrors: undefined });
    // A client with the invited address is refused too.
    expect((await refusal((await callerFor(db, busy.client)).practice.joinExisting({ token: busyToken }))).code).toBe("FORBIDDEN");
    expect(await snapshotDatabase(db)).toEqual(before);
  });
});

describe("the practice's people", () => {
  it("see each other's names and roles; only the owner and admins see invitations", async () => {
    const { therapist, colleague, admin } = await seedPractice();
    await (await callerFor(db, therapist)).practice.invite({ name: "Ivo", email: uniqueEmail("ivo"), role: "clinician" });
    const colleaguesView = await (await callerFor(db, colleague)).practice.overview();
    expect(colleaguesView.members.map((member) => member.role).sort()).toEqual(["admin", "clinician", "owner", "supervisor", "supervisor"]);
    expect(colleaguesView.invitations).toEqual([]);
    expect(JSON.stringify(colleaguesView)).not.toContain("@");
    expect((await (await callerFor(db, admin)).practice.overview()).invitations.map((invitation) => invitation.name)).toContain("Ivo");
  });

  it("change roles (never the owner's) and leave (the owner only last)", async () => {
    const { therapist, colleague, admin, practiceId } = await seedPractice();
    const byAdmin = await callerFor(db, admin);
    const memberOf = (userId: string) => db.practiceMember.findFirstOrThrow({ where: { practiceId, userId } });
    await byAdmin.practice.changeRole({ memberId: (await memberOf(colleague.id)).id, role: "supervisor" });
    expect((await memberOf(colleague.id)).role).toBe("supervisor");
    expect((await refusal(byAdmin.practice.changeRole({ memberId: (await memberOf(therapist.id)).id, role: "clinician" }))).code).toBe("FORBIDDEN");
    // Someone with clients never becomes an admin (who sees no client's records).
    await seedEngagement(db, { therapistId: colleague.id, clientId: (await seedClient(db)).id });
    expect((await refusal(byAdmin.practice.changeRole({ memberId: (await memberOf(colleague.id)).id, role: "admin" }))).code).toBe("CONFLICT");
    expect((await memberOf(colleague.id)).role).toBe("supervisor");

    expect((await refusal((await callerFor(db, therapist)).practice.leave())).code).toBe("CONFLICT");
    await (await callerFor(db, colleague)).practice.leave();
    expect((await memberOf(colleague.id)).leftAt).not.toBeNull();
    expect(await (await callerFor(db, colleague)).practice.overview()).toMatchObject({ practiceId: null, myRole: "owner" });
    // The engagement of the owner's stays the owner's.
    expect(await db.engagement.count({ where: { therapistId: therapist.id, status: "active" } })).toBe(1);
  });

  it("deactivating a colleague ends their sessions at once: their next request is signed out", async () => {
    const { therapist, colleague, practiceId } = await seedPractice();
    const sessionId = await startSession(db, colleague.id);
    const asColleague = await callerFor(db, { ...colleague, sessionId });
    expect((await asColleague.account.me()).id).toBe(colleague.id);

    const member = await db.practiceMember.findFirstOrThrow({ where: { practiceId, userId: colleague.id } });
    await (await callerFor(db, therapist)).practice.deactivate({ memberId: member.id });

    const next = await loadSessionUser(db, { userId: colleague.id, sessionVersion: colleague.sessionVersion, sessionId });
    expect(next).toEqual({ ok: false, reason: "revoked" });
    expect((await refusal((await callerFor(db, { ...colleague, sessionId })).account.me())).code).toBe("UNAUTHORIZED");
    expect(await db.authSession.count({ where: { userId: colleague.id, endedAt: null } })).toBe(0);
    const user = await db.user.findUniqueOrThrow({ where: { id: colleague.id } });
    expect(user.deactivatedAt).not.toBeNull();
    expect(user.sessionVersion).toBe(colleague.sessionVersion + 1);
    expect((await db.practiceMember.findUniqueOrThrow({ where: { id: member.id } })).leftAt).not.toBeNull();
    expect(await db.auditEvent.count({ where: { actorId: therapist.id, recordType: "account", action: "update", recordId: colleague.id } })).toBe(1);
    // Nobody deactivates the owner, nor themselves.
    const ownerRow = await db.practiceMember.findFirstOrThrow({ where: { practiceId, userId: therapist.id } });
    expect((await refusal((await callerFor(db, therapist)).practice.deactivate({ memberId: ownerRow.id }))).code).toBe("FORBIDDEN");
  });

  it("an admin runs the practice but invites no clients and sees no one's records", async () => {
    const { admin, engagement } = await seedPractice();
    const asAdmin = await callerFor(db, admin);
    const before = await snapshotDatabase(db);
    expect((await refusal(asAdmin.invitation.create({ name: "Client", email: uniqueEmail("c") }))).code).toBe("FORBIDDEN");
    expect(await snapshotDatabase(db)).toEqual(before);
    expect((await refusal(asAdmin.engagement.byId({ engagementId: engagement.id }))).code).toBe("NOT_FOUND");
    expect(await asAdmin.engagement.list()).toEqual(expect.objectContaining({}));
  });

  it("a practice's client of a colleague gets the practice's crisis text too", async () => {
    const { therapist, colleague } = await seedPractice();
    await (await callerFor(db, therapist)).practice.updateSettings(SETTINGS);
    const client = await seedClient(db, { name: "Colleague's Client" });
    await seedEngagement(db, { therapistId: colleague.id, clientId: client.id });
    const check = await loadSessionUser(db, { userId: client.id, sessionVersion: 1, sessionId: await startSession(db, client.id) });
    if (!check.ok) throw new Error("expected a session");
    expect(crisisResourcesText(check.user)).toBe(SETTINGS.crisisResources);
  });
});
