import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { callerFor, seedCast, seedSession } from "../factories";
import { connectTestDb, snapshotDatabase } from "../support/db";
import { rejection } from "../support/errors";

const db = connectTestDb();

describe("scheduling", () => {
  it("stores the therapist's wall-clock time in UTC", async () => {
    const cast = await seedCast(db);
    await db.user.update({ where: { id: cast.therapist.id }, data: { timeZone: "America/New_York" } });
    const therapist = await callerFor(db, cast.therapist);
    const { id } = await therapist.session.schedule({
      engagementId: cast.engagement.id,
      day: "2031-07-01",
      time: "09:30",
      durationMinutes: 50,
      videoUrl: "https://video.example.org/room/1",
    });
    const session = await db.therapySession.findUniqueOrThrow({ where: { id } });
    expect(session.startsAt.toISOString()).toBe("2031-07-01T13:30:00.000Z");
    expect(session.videoUrl).toBe("https://video.example.org/room/1");
  });

  it("refuses bad times and non-https video links, field by field", async () => {
    const cast = await seedCast(db);
    const before = await snapshotDatabase(db);
    const error = await rejection(
      (await callerFor(db, cast.therapist)).session.schedule({
        engagementId: cast.engagement.id,
        day: "2031-02-30x",
        time: "25:00",
        durationMinutes: 5,
        videoUrl: "javascript:alert(1)",
      }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    const fields = (error.cause as unknown as { issues: { path: string[] }[] }).issues.map((issue) => issue.path[0]);
    expect(new Set(fields)).toEqual(new Set(["day", "time", "durationMinutes", "videoUrl"]));
    expect(await snapshotDatabase(db)).toEqual(before);
  });
});

describe("carry-over", () => {
  it("moves what wasn't reached to the next session, once, marked as carried over", async () => {
    const cast = await seedCast(db);
    const therapist = await callerFor(db, cast.therapist);
    const current = await seedSession(db, cast.engagement, { hoursFromNow: -1, agenda: ["Reached", "Not reached", "Later"] });
    const [reached, notReached, later] = current.agendaItems;
    await therapist.agenda.setStatus({ itemId: reached.id, status: "discussed" });
    await therapist.agenda.setStatus({ itemId: later.id, status: "deferred" });

    await therapist.session.complete({ sessionId: current.id });
    // The cast's next session (in two days) receives the two unreached items.
    const next = await (await callerFor(db, cast.client)).session.byId({ sessionId: cast.session.id });
    const carried = next.agenda.filter((item) => item.isCarriedOver);
    expect(carried.map((item) => item.text)).toEqual(["Not reached", "Later"]);
    expect(carried.every((item) => item.status === "open")).toBe(true);

    // Scheduling another session later does not carry them again.
    await therapist.session.schedule({ engagementId: cast.engagement.id, day: "2031-03-01", time: "10:00", durationMinutes: 50 });
    expect(await db.agendaItem.count({ where: { carriedFromId: { in: [notReached.id, later.id] } } })).toBe(2);
  });

  it("waits for the next session when none is scheduled yet", async () => {
    const cast = await seedCast(db);
    const therapist = await callerFor(db, cast.therapist);
    await therapist.session.cancel({ sessionId: cast.session.id });
    const { id } = await therapist.session.schedule({
      engagementId: cast.engagement.id,
      day: "2031-04-01",
      time: "10:00",
      durationMinutes: 50,
    });
    const next = await therapist.session.byId({ sessionId: id });
    expect(next.agenda.map((item) => [item.text, item.isCarriedOver])).toEqual([
      ["Work has been hard this month", true],
      ["Review the sleep goal", true],
    ]);
  });
});

describe("agenda", () => {
  it("adds an item once however often it is submitted", async () => {
    const cast = await seedCast(db);
    const client = await callerFor(db, cast.client);
    const input = { sessionId: cast.session.id, text: "Can we revisit my goals?", kind: "goal_review" as const, idempotencyKey: randomUUID() };
    const [first, second] = await Promise.all([client.session.addAgendaItem(input), client.session.addAgendaItem(input)]);
    expect(second.id).toBe(first.id);
    expect(await db.agendaItem.count({ where: { sessionId: cast.session.id, idempotencyKey: input.idempotencyKey } })).toBe(1);
  });

  it("refuses a reorder from a stale version: never a silent overwrite", async () => {
    const cast = await seedCast(db);
    const client = await callerFor(db, cast.client);
    const therapist = await callerFor(db, cast.therapist);
    const { agendaVersion } = await client.session.byId({ sessionId: cast.session.id });
    const order = [cast.agenda.therapistItem.id, cast.agenda.clientItem.id];
    await therapist.session.reorderAgenda({ sessionId: cast.session.id, version: agendaVersion, itemIds: order });
    const stale = await rejection(
      client.session.reorderAgenda({ sessionId: cast.session.id, version: agendaVersion, itemIds: [...order].reverse() }),
    );
    expect(stale.code).toBe("CONFLICT");
    const view = await client.session.byId({ sessionId: cast.session.id });
    expect(view.agenda.map((item) => item.id)).toEqual(order);
  });

  it("lets only the author edit or withdraw, and only before the session starts", async () => {
    const cast = await seedCast(db);
    const past = await seedSession(db, cast.engagement, { hoursFromNow: -1, agenda: ["Earlier item"] });
    const client = await callerFor(db, cast.client);
    const started = await rejection(client.agenda.update({ itemId: past.agendaItems[0].id, text: "Changed", kind: "topic" }));
    expect(started.message).toMatch(/has started/);
    const notMine = await rejection(client.agenda.withdraw({ itemId: cast.agenda.therapistItem.id }));
    expect(notMine.code).toBe("FORBIDDEN");
    await client.agenda.withdraw({ itemId: cast.agenda.clientItem.id });
    expect(await db.agendaItem.findUnique({ where: { id: cast.agenda.clientItem.id } })).toBeNull();
  });
});

describe("notes with three audiences", () => {
  it("never lets a client reach the therapist's private note, in any answer", async () => {
    const cast = await seedCast(db);
    const canary = `CANARY-PRIVATE-${randomUUID()}`;
    const therapist = await callerFor(db, cast.therapist);
    await therapist.session.saveNote({ sessionId: cast.session.id, kind: "therapist_private", body: canary });
    await therapist.session.saveNote({ sessionId: cast.session.id, kind: "shared_summary", body: "We planned small steps." });
    expect(JSON.stringify(await therapist.session.byId({ sessionId: cast.session.id }))).toContain(canary);

    const client = await callerFor(db, cast.client);
    const answers = await Promise.all([
      client.session.byId({ sessionId: cast.session.id }),
      client.session.list({ engagementId: cast.engagement.id }),
      client.engagement.list(),
      client.engagement.byId({ engagementId: cast.engagement.id }),
      client.goal.list({ engagementId: cast.engagement.id }),
      client.goal.byId({ goalId: cast.goal.id }),
      client.homework.list({ engagementId: cast.engagement.id }),
      client.homework.byId({ assignmentId: cast.homework.assignment.id }),
      client.homework.due(),
      client.account.me(),
    ]);
    for (const answer of answers) expect(JSON.stringify(answer)).not.toContain(canary);
    const view = answers[0];
    expect(view.notes.map((note) => note.kind)).toEqual(["shared_summary"]);
    expect(await db.notification.count({ where: { userId: cast.client.id, title: { contains: "CANARY" } } })).toBe(0);
  });

  it("shows the client's takeaways to the therapist only once shared, and lets each write only their own", async () => {
    const cast = await seedCast(db);
    const client = await callerFor(db, cast.client);
    const therapist = await callerFor(db, cast.therapist);
    await client.session.saveNote({ sessionId: cast.session.id, kind: "client_takeaway", body: "Small steps count." });
    expect((await therapist.session.byId({ sessionId: cast.session.id })).notes.map((note) => note.kind)).not.toContain(
      "client_takeaway",
    );
    await client.session.saveNote({
      sessionId: cast.session.id,
      kind: "client_takeaway",
      body: "Small steps count.",
      isSharedWithTherapist: true,
    });
    expect((await therapist.session.byId({ sessionId: cast.session.id })).notes.map((note) => note.kind)).toContain(
      "client_takeaway",
    );
    for (const kind of ["shared_summary", "therapist_private"] as const) {
      expect((await rejection(client.session.saveNote({ sessionId: cast.session.id, kind, body: "x" }))).code).toBe("FORBIDDEN");
    }
    expect(
      (await rejection(therapist.session.saveNote({ sessionId: cast.session.id, kind: "client_takeaway", body: "x" }))).code,
    ).toBe("FORBIDDEN");
  });
});

describe("ended engagements", () => {
  it("keep sessions readable and refuse agenda and note changes", async () => {
    const cast = await seedCast(db);
    await (await callerFor(db, cast.client)).engagement.end({ engagementId: cast.engagement.id });
    const before = await snapshotDatabase(db);
    const client = await callerFor(db, cast.client);
    const therapist = await callerFor(db, cast.therapist);
    expect((await client.session.byId({ sessionId: cast.session.id })).agenda).toHaveLength(2);
    const attempts = [
      () => client.session.addAgendaItem({ sessionId: cast.session.id, text: "More", kind: "topic" }),
      () => client.agenda.setStatus({ itemId: cast.agenda.clientItem.id, status: "discussed" }),
      () => therapist.session.saveNote({ sessionId: cast.session.id, kind: "shared_summary", body: "x" }),
      () => therapist.session.schedule({ engagementId: cast.engagement.id, day: "2031-01-01", time: "10:00", durationMinutes: 50 }),
    ];
    for (const attempt of attempts) expect((await rejection(attempt())).code).toBe("FORBIDDEN");
    expect(await snapshotDatabase(db)).toEqual(before);
  });
});
