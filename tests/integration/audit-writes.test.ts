// Audit events are written once per request, and never apart from what they
// record (server/audit/record.ts): a mutation on a record commits with its
// event or not at all; a batch of reads writes its events in one INSERT, and
// withholds its answer when that INSERT fails. Postgres itself counts the
// INSERT statements (a statement-level trigger) and refuses events on demand.
import { appRoute, setNextAuthTestEnv, signInThroughNextAuth } from "../support/next-route";
import superjson from "superjson";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as authRouteFile from "@/app/api/auth/[...nextauth]/route";
import * as trpcRouteFile from "@/app/api/trpc/[trpc]/route";
import { getDb } from "@/server/db/client";
import { callerFor, seedCast, TEST_PASSWORD } from "../factories";
import { connectTestDb } from "../support/db";
import { CLIENT_ADDRESS_HEADER } from "@/server/auth/request-meta";

setNextAuthTestEnv();

const db = connectTestDb();
afterAll(() => getDb().$disconnect());

const trpcRoute = appRoute("/api/trpc/[trpc]/route", trpcRouteFile);
const authRoute = appRoute("/api/auth/[...nextauth]/route", authRouteFile);

beforeAll(async () => {
  await db.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS audit_test_inserts (n integer NOT NULL)`);
  await db.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS audit_test_refusals (record_type text NOT NULL, action text NOT NULL)`);
  await db.$executeRawUnsafe(`
    CREATE OR REPLACE FUNCTION audit_test_count() RETURNS trigger AS $$
    BEGIN INSERT INTO audit_test_inserts VALUES (1); RETURN NULL; END $$ LANGUAGE plpgsql`);
  await db.$executeRawUnsafe(`
    CREATE OR REPLACE TRIGGER audit_test_count AFTER INSERT ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_test_count()`);
  await db.$executeRawUnsafe(`
    CREATE OR REPLACE FUNCTION audit_test_refuse() RETURNS trigger AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM audit_test_refusals r WHERE r.record_type = NEW.record_type AND r.action = NEW.action) THEN
        RAISE EXCEPTION 'audit refused for this test';
      END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql`);
  await db.$executeRawUnsafe(`
    CREATE OR REPLACE TRIGGER audit_test_refuse BEFORE INSERT ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_test_refuse()`);
});

afterEach(async () => {
  await db.$executeRawUnsafe("DELETE FROM audit_test_refusals");
});

afterAll(async () => {
  await db.$executeRawUnsafe("DROP TRIGGER IF EXISTS audit_test_count ON audit_events");
  await db.$executeRawUnsafe("DROP TRIGGER IF EXISTS audit_test_refuse ON audit_events");
  await db.$executeRawUnsafe("DROP FUNCTION IF EXISTS audit_test_count(), audit_test_refuse()");
  await db.$executeRawUnsafe("DROP TABLE IF EXISTS audit_test_inserts, audit_test_refusals");
});

async function auditInserts(): Promise<number> {
  const [row] = await db.$queryRawUnsafe<{ count: bigint }[]>("SELECT count(*) AS count FROM audit_test_inserts");
  return Number(row.count);
}

function refuse(recordType: string, action: string) {
  return db.$executeRawUnsafe("INSERT INTO audit_test_refusals VALUES ($1, $2)", recordType, action);
}

describe("audit writes", () => {
  it("commit a mutation with its event, or neither", async () => {
    const cast = await seedCast(db);
    const caller = await callerFor(db, cast.therapist);
    const before = await db.goal.count({ where: { engagementId: cast.engagement.id } });

    await refuse("goal", "create");
    await expect(caller.goal.create({ engagementId: cast.engagement.id, title: "Walk after lunch", steps: [] })).rejects.toThrow();
    expect(await db.goal.count({ where: { engagementId: cast.engagement.id } }), "no goal without its audit event").toBe(before);

    await db.$executeRawUnsafe("DELETE FROM audit_test_refusals");
    const inserts = await auditInserts();
    const created = await caller.goal.create({ engagementId: cast.engagement.id, title: "Walk after lunch", steps: [] });
    expect(await db.goal.count({ where: { engagementId: cast.engagement.id } })).toBe(before + 1);
    expect(await db.auditEvent.count({ where: { recordType: "goal", action: "create", recordId: created.id } })).toBe(1);
    expect(await auditInserts()).toBe(inserts + 1);
  });

  it("write a batch of reads' events in one insert, and withhold the answer when it fails", async () => {
    const cast = await seedCast(db);
    const cookie = await signInThroughNextAuth(authRoute, { email: cast.therapist.email, password: TEST_PASSWORD }, "10.77.0.1");
    const paths = ["engagement.byId", "goal.list", "homework.list", "session.list"];
    const input = Object.fromEntries(paths.map((_, index) => [index, superjson.serialize({ engagementId: cast.engagement.id })]));
    const batch = () => {
      const url = new URL(`http://localhost/api/trpc/${paths.join(",")}`);
      url.searchParams.set("batch", "1");
      url.searchParams.set("input", JSON.stringify(input));
      return trpcRoute(new Request(url, { headers: { cookie, [CLIENT_ADDRESS_HEADER]: "10.77.0.1" } }), { trpc: paths.join(",") });
    };

    const events = await db.auditEvent.count({ where: { engagementId: cast.engagement.id } });
    const inserts = await auditInserts();
    const answered = await batch();
    expect(answered.status).toBe(200);
    expect(await db.auditEvent.count({ where: { engagementId: cast.engagement.id } })).toBe(events + paths.length);
    expect(await auditInserts(), "four events, one INSERT").toBe(inserts + 1);

    await refuse("goal", "list");
    const withheld = await batch();
    const body = await withheld.text();
    expect(withheld.status).toBe(500);
    expect(body).not.toContain(cast.goal.id);
    expect(body).toContain("Something went wrong on our side");
    expect(await db.auditEvent.count({ where: { engagementId: cast.engagement.id } }), "nothing written in part").toBe(events + paths.length);
  });
});
