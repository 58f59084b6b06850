// Regressions for what the HTTP fuzz test (fuzz.test.ts) found, each through
// the real route as a signed-in browser meets it. Every one of these was a 500
// (or a JavaScript error's own text) before its fix.
import { appRoute, signInThroughNextAuth, setNextAuthTestEnv } from "../support/next-route";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as authRouteFile from "@/app/api/auth/[...nextauth]/route";
import * as trpcRouteFile from "@/app/api/trpc/[trpc]/route";
import { NUL_MESSAGE } from "@/lib/schemas/common";
import { getDb, type TDb } from "@/server/db/client";
import { callerFor, seedCast, TEST_PASSWORD, type TCast } from "../factories";
import { rejection } from "../support/errors";
import { connectTestDb, snapshotDatabase } from "../support/db";

setNextAuthTestEnv();
const db = connectTestDb();
afterAll(() => getDb().$disconnect());

const trpcRoute = appRoute("/api/trpc/[trpc]/route", trpcRouteFile);
const authRoute = appRoute("/api/auth/[...nextauth]/route", authRouteFile);

type TBody = { error?: { json: { message: string; data: { code: string; fieldErrors: Record<string, string[]> | null } } } };

async function post(cookie: string, path: string, body: string): Promise<{ status: number; body: TBody; text: string }> {
  const response = await trpcRoute(
    new Request(`http://localhost/api/trpc/${path}`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body }),
    { trpc: path },
  );
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as TBody, text };
}

const mutate = (cookie: string, path: string, input: unknown) => post(cookie, path, JSON.stringify(superjson.serialize(input as never)));

let cast: TCast;
let therapist: string;
let client: string;

beforeAll(async () => {
  cast = await seedCast(db);
  therapist = await signInThroughNextAuth(authRoute, { email: cast.therapist.email, password: TEST_PASSWORD }, "10.79.0.1");
  client = await signInThroughNextAuth(authRoute, { email: cast.client.email, password: TEST_PASSWORD }, "10.79.0.2");
});

describe("text Postgres cannot store (NUL) gets a field message, not a 500", () => {
  it.each([
    ["goal.create", "title", () => ({ engagementId: cast.engagement.id, title: "Sleep\u0000 well" })],
    ["account.updateProfile", "name", () => ({ name: "Tess\u0000", timeZone: "Europe/London" })],
    [
      "session.schedule",
      "videoUrl",
      () => ({ engagementId: cast.engagement.id, day: "2031-01-15", time: "10:00", durationMinutes: 50, videoUrl: "https://example.org/\u0000" }),
    ],
    ["homeworkTemplate.create", "instructions", () => ({ title: "Walk", instructions: "Out\u0000side", kind: "practice", schedule: "once" })],
  ])("%s refuses a NUL in %s and changes nothing", async (path, field, input) => {
    const before = await snapshotDatabase(db);
    const response = await mutate(therapist, path, input());
    expect(response.status).toBe(400);
    expect(response.body.error?.json.data.fieldErrors?.[field]).toEqual([NUL_MESSAGE]);
    expect(await snapshotDatabase(db)).toEqual(before);
  });
});

describe("versions beyond Postgres integer range are refused as input", () => {
  it("goal.update with version 2^31", async () => {
    const response = await mutate(therapist, "goal.update", { goalId: cast.goal.id, version: 2 ** 31, title: "Renamed" });
    expect(response.status).toBe(400);
    expect(response.body.error?.json.data.fieldErrors?.version).toBeDefined();
  });

  it("session.reorderAgenda with version 2^53 - 1", async () => {
    const response = await mutate(client, "session.reorderAgenda", {
      sessionId: cast.session.id,
      version: Number.MAX_SAFE_INTEGER,
      itemIds: [cast.agenda.therapistItem.id, cast.agenda.clientItem.id],
    });
    expect(response.status).toBe(400);
    expect(response.body.error?.json.data.fieldErrors?.version).toBeDefined();
  });
});

describe("requests that can't be parsed get a plain message, not JavaScript's", () => {
  it.each([
    ["null body", "null"],
    ["truncated JSON", '{"json":'],
    ["superjson meta that doesn't fit its data", JSON.stringify({ json: { title: "x" }, meta: { values: { title: ["bigint"] } } })],
    ["superjson meta naming an unknown class", JSON.stringify({ json: { title: "x" }, meta: { values: { title: ["class", "Nope"] } } })],
  ])("%s", async (_label, body) => {
    const response = await post(therapist, "goal.create", body);
    expect(response.status).toBe(400);
    expect(response.body.error?.json.message).toBe("Alliance couldn't read that request. Please reload the page and try again.");
    expect(response.text).not.toMatch(/Cannot |BigInt|JSON|class/);
  });
});

describe("a double-submitted withdraw is NOT_FOUND after the first, not a 500", () => {
  it("agenda.withdraw sent ten times at once", async () => {
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => mutate(client, "agenda.withdraw", { itemId: cast.agenda.clientItem.id })),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([200, ...Array.from({ length: 9 }, () => 404)]);
  });
});

describe("a row removed between the access check and the write is NOT_FOUND", () => {
  // The race above made deterministic: the row vanishes (as if another
  // request's delete had just committed) right before this request's write.
  function vanishingBeforeWrite(vanish: () => Promise<unknown>): TDb {
    const beforeWrite = async <T>(run: () => Promise<T>) => {
      await vanish();
      return run();
    };
    return db.$extends({
      query: {
        journalEntry: {
          delete: ({ args, query }) => beforeWrite(() => query(args)),
          deleteMany: ({ args, query }) => beforeWrite(() => query(args)),
        },
        agendaItem: {
          delete: ({ args, query }) => beforeWrite(() => query(args)),
          deleteMany: ({ args, query }) => beforeWrite(() => query(args)),
        },
      },
    }) as unknown as TDb;
  }

  it("journal.delete", async () => {
    const world = await seedCast(db);
    const entryId = world.journal.privateEntry.id;
    const racing = vanishingBeforeWrite(() => db.journalEntry.deleteMany({ where: { id: entryId } }));
    const error = await rejection((await callerFor(racing, world.client)).journal.delete({ entryId }));
    expect(error.code).toBe("NOT_FOUND");
  });

  it("agenda.withdraw", async () => {
    const world = await seedCast(db);
    const itemId = world.agenda.clientItem.id;
    const racing = vanishingBeforeWrite(() => db.agendaItem.deleteMany({ where: { id: itemId } }));
    const error = await rejection((await callerFor(racing, world.client)).agenda.withdraw({ itemId }));
    expect(error.code).toBe("NOT_FOUND");
  });
});
