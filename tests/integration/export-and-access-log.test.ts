// Data export and the access log (issue 12): a client takes everything with
// them, their voice memos' recordings too (issue 24), and never their
// therapist's private note; a therapist takes one
// client's record with their private notes marked; nobody else gets either;
// a client sees who looked at their records.
import { appRoute, signInThroughNextAuth, setNextAuthTestEnv } from "../support/next-route";
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import * as authRouteFile from "@/app/api/auth/[...nextauth]/route";
import * as clientExportRouteFile from "@/app/api/account/export/route";
import * as templatesExportRouteFile from "@/app/api/account/templates-export/route";
import * as engagementExportRouteFile from "@/app/api/engagements/[engagementId]/export/route";
import { getDb } from "@/server/db/client";
import { recordAudit } from "@/server/audit/record";
import { ACCESS_LOG_PAGE_SIZE } from "@/lib/schemas/access-log";
import { buildClientExport } from "@/server/export/client-export";
import { clientArchiveStream } from "@/server/export/client-archive";
import { clientExportHtml } from "@/components/account/export-document";
import {
  CAST_EXERCISE_FORM_V2,
  callerFor,
  MEMO_FIXTURE,
  seedCast,
  seedEngagement,
  seedGoal,
  seedSession,
  seedTemplate,
  seedVoiceMemo,
  TEST_PASSWORD,
  type TCast,
} from "../factories";
import { connectTestDb, snapshotDatabase } from "../support/db";
import { rejection } from "../support/errors";
import { connectCountingDb } from "../support/statement-counter";
import { readZipBody } from "../support/zip";

setNextAuthTestEnv();
const db = connectTestDb();
const counting = connectCountingDb();
afterAll(() => getDb().$disconnect());

const authRoute = appRoute("/api/auth/[...nextauth]/route", authRouteFile);
const clientExportRoute = appRoute("/api/account/export/route", clientExportRouteFile);
const templatesExportRoute = appRoute("/api/account/templates-export/route", templatesExportRouteFile);
const engagementExportRoute = appRoute("/api/engagements/[engagementId]/export/route", engagementExportRouteFile);

/** A canary in every kind of text a client or therapist writes, through the real procedures. */
async function writeCanaries(cast: TCast) {
  const client = await callerFor(db, cast.client);
  const therapist = await callerFor(db, cast.therapist);
  const canary = (field: string) => `CANARY-${field}-${randomUUID()}`;
  const c = {
    privateNote: canary("private-note"),
    summary: canary("summary"),
    takeaway: canary("takeaway"),
    journal: canary("journal"),
    sharedJournal: canary("shared-journal"),
    response: canary("response"),
    obstacle: canary("obstacle"),
    reply: canary("reply"),
    comment: canary("comment"),
    agenda: canary("agenda"),
    rating: canary("rating"),
  };
  const sessionId = cast.session.id;
  await therapist.session.saveNote({ sessionId, kind: "therapist_private", body: c.privateNote });
  await therapist.session.saveNote({ sessionId, kind: "shared_summary", body: c.summary });
  await client.session.saveNote({ sessionId, kind: "client_takeaway", body: c.takeaway, isSharedWithTherapist: false });
  await client.journal.create({ body: c.journal });
  await client.journal.create({ body: c.sharedJournal, shareWithEngagementId: cast.engagement.id });
  const occurrenceId = cast.homework.openOccurrence.id;
  await client.homework.complete({ occurrenceId, status: "partly_done", response: c.response, obstacle: c.obstacle, difficulty: 2, helpfulness: 3 });
  await therapist.homework.reply({ occurrenceId, feedback: c.reply });
  await client.feedback.submit({ sessionId: cast.completedSession.id, feltHeard: 8, workedOnWanted: 7, approachFit: 8, overall: 8, comment: c.comment });
  await client.feedback.checkIn({ engagementId: cast.engagement.id, personal: 4, relationships: 6, social: 5, overall: 3 });
  await client.session.addAgendaItem({ sessionId, text: c.agenda, kind: "avoided_topic" });
  await therapist.goal.rate({ goalId: cast.goal.id, value: 4, note: c.rating });
  await client.goal.rate({ goalId: cast.goal.id, value: 6 });
  return { client, therapist, canaries: c };
}

describe("the client's export", () => {
  it("holds everything about the client, their private journal too, and never the therapist's private note", async () => {
    const cast = await seedCast(db);
    const { client, canaries } = await writeCanaries(cast);
    // An ended engagement with an earlier therapist is theirs too.
    const earlier = await seedEngagement(db, { therapistId: cast.otherTherapist.id, clientId: cast.client.id }, "ended");
    await seedGoal(db, earlier, { title: "An earlier goal" });

    const data = await client.dataExport.mine();
    const text = JSON.stringify(data);
    expect(data.format).toBe("alliance-client-export");
    expect(data.version).toBe(1);
    expect(data.person.email).toBe(cast.client.email);
    for (const value of [
      canaries.journal,
      canaries.sharedJournal,
      canaries.summary,
      canaries.takeaway,
      canaries.response,
      canaries.obstacle,
      canaries.reply,
      canaries.comment,
      canaries.agenda,
      canaries.rating,
    ]) {
      expect(text).toContain(value);
    }
    expect(text).not.toContain(canaries.privateNote);
    expect(text).not.toContain("therapist_private");

    expect(data.engagements.map((engagement) => engagement.status).sort()).toEqual(["active", "ended"]);
    expect(text).toContain("An earlier goal");
    const current = data.engagements.find((engagement) => engagement.id === cast.engagement.id)!;
    expect(current.checkIns).toHaveLength(1);
    expect(current.checkIns[0]).toMatchObject({ personal: 4, overall: 3 });
    const ratings = current.goals[0].ratings.map((rating) => rating.by.role).sort();
    expect(ratings).toEqual(["client", "therapist"]);
    const session = current.sessions.find((item) => item.id === cast.session.id)!;
    expect(session.notes.map((note) => note.audience).sort()).toEqual(["client", "shared"]);
    expect(session.agenda.map((item) => item.author.role)).toContain("therapist");
    const journal = data.journal.find((entry) => entry.text === canaries.journal)!;
    expect(journal.visibility).toBe("private");

    // The other client's export holds none of it.
    const other = JSON.stringify(await (await callerFor(db, cast.otherClient)).dataExport.mine());
    for (const value of Object.values(canaries)) expect(other).not.toContain(value);
  });

  it("downloads as one archive for the client alone: their record, a printable copy and their voice memos' recordings", async () => {
    const cast = await seedCast(db);
    const { canaries } = await writeCanaries(cast);
    // Another client's memo, the very same recording: never in this client's archive.
    const othersMemo = await seedVoiceMemo(db, cast.otherClient.id);
    const [clientCookie, therapistCookie, otherClientCookie] = await Promise.all(
      [cast.client, cast.therapist, cast.otherClient].map((who, index) =>
        signInThroughNextAuth(authRoute, { email: who.email, password: TEST_PASSWORD }, `10.81.0.${index + 1}`),
      ),
    );
    const get = (cookie?: string) =>
      clientExportRoute(new Request("http://localhost/api/account/export", { headers: cookie ? { cookie } : {} }), {});

    const response = await get(clientCookie);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="alliance-export-\d{4}-\d{2}-\d{2}\.zip"$/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const entries = await readZipBody(response);
    expect([...entries.values()].every((entry) => entry.isStored)).toBe(true);

    const json = entries.get("alliance-export.json")!.bytes.toString("utf8");
    const data = JSON.parse(json);
    expect(data.format).toBe("alliance-client-export");
    expect(data.person.email).toBe(cast.client.email);
    expect(json).toContain(canaries.journal);
    expect(json).not.toContain(canaries.privateNote);

    const html = entries.get("alliance-export.html")!.bytes.toString("utf8");
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain("Cleo Client");
    expect(html).toContain(canaries.journal);
    expect(html).not.toContain(canaries.privateNote);

    // The cast's two memos, listed where the client put them and written out byte for byte; nobody else's.
    const memos = data.voiceMemos as { id: string; file: string; placedIn: string }[];
    expect(Object.fromEntries(memos.map((memo) => [memo.id, memo.placedIn]))).toEqual({
      [cast.voiceMemos.onAgenda.id]: "agenda",
      [cast.voiceMemos.draft.id]: "not placed yet",
    });
    const recordings = [...entries.keys()].filter((name) => name.startsWith("voice-memos/"));
    expect(recordings.sort()).toEqual(memos.map((memo) => memo.file).sort());
    for (const memo of memos) {
      expect(memo.file).toMatch(/^voice-memos\/\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.webm$/);
      expect(entries.get(memo.file)!.bytes.equals(MEMO_FIXTURE), memo.file).toBe(true);
      expect(html).toContain(memo.file);
    }
    expect(entries.size).toBe(2 + memos.length);
    expect(json).not.toContain(othersMemo.id);
    // One download, one audit event.
    expect(await db.auditEvent.count({ where: { actorId: cast.client.id, action: "export", recordType: "client_export" } })).toBe(1);

    // The other client's archive holds their memo alone.
    const others = await readZipBody(await get(otherClientCookie));
    const othersData = JSON.parse(others.get("alliance-export.json")!.bytes.toString("utf8"));
    expect(othersData.voiceMemos.map((memo: { id: string }) => memo.id)).toEqual([othersMemo.id]);
    expect([...others.keys()].filter((name) => name.startsWith("voice-memos/"))).toEqual([othersData.voiceMemos[0].file]);

    const refused = await get(therapistCookie);
    expect(refused.status).toBe(404);
    expect(await refused.text()).not.toContain(canaries.journal);
    const signedOut = await get();
    expect(signedOut.status).toBe(401);
  });

  it("leaves out a memo deleted while the archive is written, ends the download with an error when a recording can't be read, and stops when given up on", async () => {
    const cast = await seedCast(db);
    const client = { id: cast.client.id, role: "client" as const };
    const html = "<!DOCTYPE html>";

    // Given up on after the first part: the archive stops, and nothing is left to fail later.
    const abandoned = clientArchiveStream({ db, user: client }, await buildClientExport(db, client), html).getReader();
    expect((await abandoned.read()).done).toBe(false);
    await abandoned.cancel();

    const data = await buildClientExport(db, client);
    await (await callerFor(db, cast.client)).voiceMemo.delete({ memoId: cast.voiceMemos.draft.id });
    const entries = await readZipBody(clientArchiveStream({ db, user: client }, data, html));
    const listed = Object.fromEntries(data.voiceMemos.map((memo) => [memo.id, memo.file]));
    expect([...entries.keys()].filter((name) => name.startsWith("voice-memos/"))).toEqual([listed[cast.voiceMemos.onAgenda.id]]);

    // The store loses the recording's bytes: the archive fails rather than ending short and looking whole.
    await db.voiceMemoChunk.deleteMany({ where: { memoId: cast.voiceMemos.onAgenda.id } });
    const failing = await buildClientExport(db, client);
    await expect(new Response(clientArchiveStream({ db, user: client }, failing, html)).arrayBuffer()).rejects.toThrow();
    // The worker's database outlives this file: no memo left without its bytes.
    await db.voiceMemo.delete({ where: { id: cast.voiceMemos.onAgenda.id } });
  });

  it("takes the same number of SQL statements for 2 engagements with 2 sessions as for 6 with 12", async () => {
    const statementsFor = async (engagements: number, sessions: number) => {
      const cast = await seedCast(db);
      for (let index = 1; index < engagements; index += 1) {
        const earlier = await seedEngagement(db, { therapistId: cast.otherTherapist.id, clientId: cast.client.id }, "ended");
        await seedGoal(db, earlier);
        for (let count = 0; count < sessions; count += 1) await seedSession(db, earlier, { hoursFromNow: -24 * (count + 1), agenda: ["A topic"] });
      }
      const caller = await callerFor(counting.db, cast.client);
      return counting.countStatements(() => caller.dataExport.mine());
    };
    const small = await statementsFor(2, 2);
    expect(small).toBeGreaterThan(0);
    expect(await statementsFor(6, 12)).toBe(small);
  });
});

describe("the therapist's exports", () => {
  it("give the therapist one client's record with their private notes marked, and nobody else anything", async () => {
    const cast = await seedCast(db);
    const { therapist, canaries } = await writeCanaries(cast);
    // The same therapist's other client: not in this client's export.
    const secondClient = await db.user.create({
      data: { role: "client", name: "Sam Second", email: `second-${randomUUID().slice(0, 8)}@test.alliance.test`, passwordHash: "x" },
      select: { id: true },
    });
    const second = await seedEngagement(db, { therapistId: cast.therapist.id, clientId: secondClient.id });
    await seedGoal(db, second, { title: "Second client's goal" });
    const secondSession = await seedSession(db, second);
    const secondPrivate = `CANARY-second-private-${randomUUID()}`;
    await therapist.session.saveNote({ sessionId: secondSession.id, kind: "therapist_private", body: secondPrivate });

    const data = await therapist.dataExport.engagement({ engagementId: cast.engagement.id });
    const text = JSON.stringify(data);
    expect(data.format).toBe("alliance-engagement-export");
    const session = data.engagement.sessions.find((item) => item.id === cast.session.id)!;
    const privateNote = session.notes.find((note) => note.kind === "therapist_private")!;
    expect(privateNote).toMatchObject({ audience: "therapist_private", text: canaries.privateNote });
    expect(text).toContain(canaries.summary);
    expect(text).toContain(canaries.sharedJournal);
    // What the client kept to themselves stays theirs: the unshared takeaway and the private journal.
    expect(text).not.toContain(canaries.takeaway);
    expect(text).not.toContain(canaries.journal);
    expect(text).not.toContain(secondPrivate);
    expect(text).not.toContain("Second client's goal");

    for (const who of [cast.client, cast.otherClient, cast.otherTherapist]) {
      const caller = await callerFor(db, who);
      const before = await snapshotDatabase(db);
      const error = await rejection(caller.dataExport.engagement({ engagementId: cast.engagement.id }));
      expect(["NOT_FOUND", "FORBIDDEN"]).toContain(error.code);
      expect(await snapshotDatabase(db)).toEqual(before);
    }
    expect((await rejection((await callerFor(db, null)).dataExport.engagement({ engagementId: cast.engagement.id }))).code).toBe(
      "UNAUTHORIZED",
    );
  });

  it("serve the engagement record and the template library as downloads, 404 to anyone else", async () => {
    const cast = await seedCast(db);
    const { canaries } = await writeCanaries(cast);
    await seedTemplate(db, cast.therapist.id, "Tess's own walking template");
    await seedTemplate(db, cast.otherTherapist.id, "Otto's secret template");
    const ips = ["10.82.0.1", "10.82.0.2", "10.82.0.3", "10.82.0.4"];
    const [therapistCookie, clientCookie, otherTherapistCookie, otherClientCookie] = await Promise.all(
      [cast.therapist, cast.client, cast.otherTherapist, cast.otherClient].map((who, index) =>
        signInThroughNextAuth(authRoute, { email: who.email, password: TEST_PASSWORD }, ips[index]),
      ),
    );
    const getRecord = (cookie?: string, engagementId = cast.engagement.id) =>
      engagementExportRoute(new Request(`http://localhost/api/engagements/${engagementId}/export`, { headers: cookie ? { cookie } : {} }), {
        engagementId,
      });

    const response = await getRecord(therapistCookie);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="alliance-client-record-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.text();
    expect(body).toContain(canaries.privateNote);
    expect(body).toContain('"audience": "therapist_private"');

    for (const cookie of [clientCookie, otherTherapistCookie, otherClientCookie]) {
      const refused = await getRecord(cookie);
      expect(refused.status).toBe(404);
      expect(await refused.text()).not.toContain(canaries.privateNote);
    }
    expect((await getRecord(undefined)).status).toBe(401);
    expect((await getRecord(therapistCookie, "not-a-uuid")).status).toBe(404);

    const getTemplates = (cookie?: string) =>
      templatesExportRoute(new Request("http://localhost/api/account/templates-export", { headers: cookie ? { cookie } : {} }), {});
    const templates = await getTemplates(therapistCookie);
    expect(templates.status).toBe(200);
    const library = await templates.json();
    expect(library.format).toBe("alliance-template-export");
    expect(JSON.stringify(library)).toContain("Tess's own walking template");
    expect(JSON.stringify(library)).not.toContain("Otto's secret template");
    expect((await getTemplates(clientCookie)).status).toBe(404);
    expect((await getTemplates(undefined)).status).toBe(401);
  });
});

describe("exercises in the exports", () => {
  it("read each entry with the questions of the version it answered, carry the ladder, and keep a draft to the client's own", async () => {
    const cast = await seedCast(db);
    const client = await callerFor(db, cast.client);
    const therapist = await callerFor(db, cast.therapist);
    // The cast's entry was sent under version 1; the template is on version 2 since, with a question more.
    const draftWords = `CANARY-exercise-draft-${randomUUID()}`;
    await client.exercise.saveDraft({ occurrenceId: cast.exercise.openOccurrence.id, answers: { situation: draftWords, belief_before: 55 } });
    await therapist.exercise.rateSkill({ occurrenceId: cast.exercise.sentOccurrence.id, skillRating: 1 });

    const mine = (await client.dataExport.mine()).engagements.find((engagement) => engagement.id === cast.engagement.id)!;
    const record = (await therapist.dataExport.engagement({ engagementId: cast.engagement.id })).engagement;
    for (const engagement of [mine, record]) {
      const exercise = engagement.homework.find((assignment) => assignment.title === "Noticing a thought")!;
      expect(exercise.exerciseFormVersion).toBe(1);
      const sent = exercise.occurrences.find((occurrence) => occurrence.exercise?.state === "sent")!;
      expect(sent.status).toBe("done");
      expect(sent.exercise).toMatchObject({ formVersion: 1, skill: "Getting the hang of it" });
      expect(sent.exercise!.answers).toEqual([
        { question: "What was happening?", answer: "On the bus to work" },
        { question: "Which step did you practise?", answer: "Taking the bus two stops" },
        { question: "How much did you believe it before?", answer: 70 },
        { question: "And afterwards?", answer: 40 },
        { question: "What did you learn or notice?", answer: null },
      ]);
      expect(engagement.ladder).toMatchObject([{ text: "Taking the bus two stops", expectedAnxiety: 40, addedBy: { name: "Cleo Client", role: "client" } }]);
      // Other homework has no exercise.
      expect(engagement.homework.find((assignment) => assignment.title === "Three minutes of slow breathing")!.exerciseFormVersion).toBeNull();
    }
    const draft = mine.homework.flatMap((assignment) => assignment.occurrences).find((occurrence) => occurrence.exercise?.state === "draft")!;
    expect(draft.status).toBe("not_recorded");
    expect(draft.exercise!.answers[0]).toEqual({ question: "What was happening?", answer: draftWords });
    expect(draft.exercise!.skill).toBeNull();
    expect(JSON.stringify(record)).not.toContain(draftWords);
    expect(record.homework.flatMap((assignment) => assignment.occurrences).some((occurrence) => occurrence.exercise?.state === "draft")).toBe(false);

    // The therapist's library export carries each template's newest form.
    const library = await therapist.dataExport.templates();
    const template = library.templates.find((item) => item.title === "Noticing a thought")!;
    expect(template.exerciseForm).toEqual({ version: 2, ...CAST_EXERCISE_FORM_V2 });
    expect(library.templates.find((item) => item.title === "Evening reflection")!.exerciseForm).toBeNull();
  });
});

describe("messages in the exports", () => {
  it("carry the conversation to both: who, when, the words, what each answered, withdrawn ones as a marker, voice memos by reference", async () => {
    const cast = await seedCast(db);
    const engagementId = cast.engagement.id;
    const client = await callerFor(db, cast.client);
    const therapist = await callerFor(db, cast.therapist);
    const words = { question: `CANARY-msg-question-${randomUUID()}`, answer: `CANARY-msg-answer-${randomUUID()}`, withdrawn: `CANARY-msg-withdrawn-${randomUUID()}` };
    const { id: question } = await therapist.message.send({ engagementId, text: words.question });
    const { id: answer } = await client.message.send({ engagementId, text: words.answer, replyToId: question });
    const { id: withdrawn } = await client.message.send({ engagementId, text: words.withdrawn, replyToId: question });
    await client.message.withdraw({ messageId: withdrawn });
    const memo = await seedVoiceMemo(db, cast.client.id);
    const { id: spoken } = await client.message.send({ engagementId, voiceMemoId: memo.id, replyToId: question });
    const { itemId } = await client.message.toAgenda({ messageId: answer });

    const mine = await client.dataExport.mine();
    const record = await therapist.dataExport.engagement({ engagementId });
    for (const engagement of [mine.engagements.find((item) => item.id === engagementId)!, record.engagement]) {
      expect(engagement.conversation.mode).toBe("reply_only");
      expect(engagement.conversation.replyTime).toBe("I usually reply within two working days.");
      const messages = engagement.conversation.messages;
      // The cast's two, then these four, oldest first.
      expect(messages.map((message) => message.id)).toEqual([cast.messages.fromTherapist.id, cast.messages.fromClient.id, question, answer, withdrawn, spoken]);
      const byId = new Map(messages.map((message) => [message.id, message]));
      expect(byId.get(question)).toMatchObject({ author: { name: "Tess Therapist", role: "therapist" }, text: words.question, replyToId: null, withdrawnAt: null, voiceMemoIds: [] });
      expect(byId.get(answer)).toMatchObject({ author: { name: "Cleo Client", role: "client" }, text: words.answer, replyToId: question });
      expect(byId.get(withdrawn)).toMatchObject({ text: null, replyToId: question, withdrawnAt: expect.any(String) });
      expect(byId.get(spoken)).toMatchObject({ text: "", voiceMemoIds: [memo.id] });
      for (const message of messages) expect(Date.parse(message.sentAt!)).not.toBeNaN();
      const item = engagement.sessions.flatMap((session) => session.agenda).find((agendaItem) => agendaItem.fromMessageId === answer);
      expect(item?.text).toBe(words.answer);
      expect(JSON.stringify(engagement)).not.toContain(words.withdrawn);
    }
    expect(await db.agendaItem.count({ where: { id: itemId, messageId: answer } })).toBe(1);
    // The client's memo list says where it went; its recording is in the archive under that file.
    const listed = mine.voiceMemos.find((voiceMemo) => voiceMemo.id === memo.id)!;
    expect(listed.placedIn).toBe("message");

    // The printable copy reads as a conversation: numbered, who and when, the replies, the marker, the recording.
    const html = await clientExportHtml(mine, cast.client.timeZone);
    expect(html).toContain("Your messages");
    expect(html).toContain(words.question);
    expect(html).toContain(words.answer);
    expect(html).not.toContain(words.withdrawn);
    expect(html).toContain("You withdrew this message");
    expect(html).toContain("in reply to 3.");
    expect(html).toContain(`<a href="${listed.file}">${listed.file}</a>`);
    expect(html).toContain("In a message to your therapist");

    // Nobody else's export holds any of it.
    const other = JSON.stringify(await (await callerFor(db, cast.otherClient)).dataExport.mine());
    for (const value of Object.values(words)) expect(other).not.toContain(value);
  });
});

describe("who has looked at your records", () => {
  it("shows the therapist's reads and changes, not the client's own actions, nor private-note writes", async () => {
    const cast = await seedCast(db);
    const { client, therapist } = await writeCanaries(cast);
    await therapist.goal.byId({ goalId: cast.goal.id });
    await therapist.journal.shared({ engagementId: cast.engagement.id });
    await client.goal.byId({ goalId: cast.goal.id });

    const page = await client.accessLog.mine({});
    const summaries = page.items.map((item) => `${item.who}: ${item.summary}`);
    expect(summaries).toContain("Tess Therapist: Looked at a goal");
    expect(summaries).toContain("Tess Therapist: Looked at the journal entries you shared");
    expect(summaries).toContain("Tess Therapist: Changed a shared session summary");
    expect(summaries).toContain("Tess Therapist: Changed a homework day");
    expect(page.items.every((item) => item.who !== "Cleo Client")).toBe(true);
    expect(summaries.some((summary) => summary.includes("private"))).toBe(false);
    // Newest first.
    const times = page.items.map((item) => item.at.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(page.items[0].summary).toBe("Looked at the journal entries you shared");

    // Alliance itself, and someone who has left, in words.
    await recordAudit(db, null, { ip: "test", userAgent: "test" }, { action: "read", recordType: "session", clientId: cast.client.id });
    expect((await client.accessLog.mine({})).items[0]).toMatchObject({ who: "Alliance", summary: "Looked at a session" });

    // Nobody else sees it.
    const otherClientLog = await (await callerFor(db, cast.otherClient)).accessLog.mine({});
    expect(otherClientLog.items).toEqual([]);
    expect((await rejection((await callerFor(db, cast.therapist)).accessLog.mine({}))).code).toBe("FORBIDDEN");
    expect((await rejection((await callerFor(db, null)).accessLog.mine({}))).code).toBe("UNAUTHORIZED");
  });

  it("pages through the history 20 at a time, newest first, with nothing skipped or repeated", async () => {
    const cast = await seedCast(db);
    const therapist = await callerFor(db, cast.therapist);
    const client = await callerFor(db, cast.client);
    for (let index = 0; index < 25; index += 1) await therapist.goal.byId({ goalId: cast.goal.id });
    const first = await client.accessLog.mine({});
    expect(first.items).toHaveLength(ACCESS_LOG_PAGE_SIZE);
    expect(first.nextCursor).not.toBeNull();
    const second = await client.accessLog.mine({ cursor: first.nextCursor });
    expect(second.items).toHaveLength(25 - ACCESS_LOG_PAGE_SIZE);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items].map((item) => item.id);
    expect(new Set(ids).size).toBe(25);
    expect(first.items.at(-1)!.at.getTime()).toBeGreaterThanOrEqual(second.items[0].at.getTime());
    expect((await rejection(client.accessLog.mine({ cursor: "not a cursor" }))).code).toBe("BAD_REQUEST");
  });

  it("shows a therapist their own activity on one client, and nobody else's", async () => {
    const cast = await seedCast(db);
    const therapist = await callerFor(db, cast.therapist);
    const client = await callerFor(db, cast.client);
    await therapist.goal.byId({ goalId: cast.goal.id });
    await therapist.session.saveNote({ sessionId: cast.session.id, kind: "therapist_private", body: "Mine alone." });
    await client.goal.byId({ goalId: cast.goal.id });

    const activity = await therapist.accessLog.forEngagement({ engagementId: cast.engagement.id });
    expect(activity.items.map((item) => item.summary)).toEqual(["Changed a private session note", "Looked at a goal"]);
    expect(activity.items.every((item) => item.who === "Tess Therapist")).toBe(true);

    for (const who of [cast.client, cast.otherClient, cast.otherTherapist]) {
      const error = await rejection((await callerFor(db, who)).accessLog.forEngagement({ engagementId: cast.engagement.id }));
      expect(["NOT_FOUND", "FORBIDDEN"]).toContain(error.code);
    }
  });

  it("is served from the audit_events (client_id, created_at) index", async () => {
    const cast = await seedCast(db);
    // A tiny test table would be scanned whole; ask what the planner does when it has a choice.
    const plan = await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        `EXPLAIN SELECT id FROM audit_events WHERE client_id = $1::uuid AND (actor_id IS NULL OR actor_id <> $1::uuid)
         ORDER BY created_at DESC, id DESC LIMIT 21`,
        cast.client.id,
      );
    });
    const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
    expect(text).toMatch(/audit_events_client_id_created_at_idx/);
  });
});

describe("the safety plan in the exports", () => {
  it("carries the plan and every version, with who saved each, to both; the printable copy shows the plan; nobody else's holds it", async () => {
    const cast = await seedCast(db);
    const engagementId = cast.engagement.id;
    const client = await callerFor(db, cast.client);
    const therapist = await callerFor(db, cast.therapist);
    const empty = { warningSigns: [], onMyOwn: [], peoplePlaces: [], peopleToAsk: [], professionals: [], saferSurroundings: [], keepsMeGoing: [] };
    const first = `CANARY-plan-first-${randomUUID()}`;
    const later = `CANARY-plan-later-${randomUUID()}`;
    await client.safetyPlan.save({ engagementId, baseVersion: 0, ...empty, warningSigns: [first] });
    await therapist.safetyPlan.save({ engagementId, baseVersion: 1, ...empty, peopleToAsk: [{ name: later, phone: "07700 900123" }] });

    const mine = await client.dataExport.mine();
    const record = await therapist.dataExport.engagement({ engagementId });
    for (const engagement of [mine.engagements.find((item) => item.id === engagementId)!, record.engagement]) {
      expect(engagement.safetyPlan).toMatchObject({
        version: 2,
        updatedBy: { name: cast.therapist.name, role: "therapist" },
        sections: { warningSigns: [], peopleToAsk: [{ name: later, phone: "07700 900123" }] },
      });
      expect(engagement.safetyPlan!.versions.map((version) => [version.version, version.by.role, version.sections.warningSigns])).toEqual([
        [1, "client", [first]],
        [2, "therapist", []],
      ]);
    }
    const html = await clientExportHtml(mine, cast.client.timeZone);
    expect(html).toContain("Your safety plan");
    expect(html).toContain(later);
    expect(html).toContain('href="tel:07700900123"');

    const other = JSON.stringify(await (await callerFor(db, cast.otherClient)).dataExport.mine());
    expect(other).not.toContain(first);
    expect(other).not.toContain(later);
  });
});
