// The practice's outcomes (server/practices/outcomes.ts): the figures are
// right, small cells are suppressed (and their complement), another practice
// sees nothing of this one, and the report costs the same statements with 10
// clients and with 10,000.
//
// Clients are written straight into the tables with SQL (one statement per
// table, however many), as the figures read only totals, dates and scores;
// each test removes its people afterwards, so the worker's database stays
// small for the files that run after this one (key rotation walks it all).
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { connectTestDb } from "../support/db";
import { connectCountingDb } from "../support/statement-counter";
import { callerFor, seedTherapist } from "../factories";
import { complementaryHidden, MIN_CELL, practiceOutcomes, type TCell, type TOutcomeRow } from "@/server/practices/outcomes";

const db = connectTestDb();
const counting = connectCountingDb();

type TClientSpec = { phq9?: number[]; gad7?: number[]; homework?: { due: number; done: number }; feedback?: number[] };

const madeUsers: string[] = [];
afterAll(async () => {
  // Their engagements and everything in them go with them (cascades).
  for (let start = 0; start < madeUsers.length; start += 5_000) {
    await db.user.deleteMany({ where: { id: { in: madeUsers.slice(start, start + 5_000) } } });
  }
});

/** Clients of one therapist, each with the answers, homework days and feedback given. */
async function seedOutcomeClients(therapistId: string, specs: TClientSpec[]) {
  const rows = specs.map((spec) => ({
    user: randomUUID(),
    engagement: randomUUID(),
    ...spec,
    sessions: (spec.feedback ?? []).map((score) => ({ session: randomUUID(), score })),
  }));
  madeUsers.push(...rows.map((row) => row.user));
  const json = JSON.stringify(rows);
  await db.$executeRaw`
    INSERT INTO users (id, email, name, role, password_hash, updated_at)
    SELECT (x->>'user')::uuid, 'outcomes-' || (x->>'user') || '@test.alliance.test', 'Outcome client', 'client', 'not-a-password-hash', now()
    FROM jsonb_array_elements(${json}::jsonb) x`;
  await db.$executeRaw`
    INSERT INTO engagements (id, therapist_id, client_id, status, started_at, updated_at)
    SELECT (x->>'engagement')::uuid, ${therapistId}::uuid, (x->>'user')::uuid, 'active', now(), now()
    FROM jsonb_array_elements(${json}::jsonb) x`;
  await db.$executeRaw`
    INSERT INTO measure_assignments (id, engagement_id, kind, schedule, assigned_by_id)
    SELECT gen_random_uuid(), (x->>'engagement')::uuid, k.kind::"MeasureKind", 'every_n_weeks', ${therapistId}::uuid
    FROM jsonb_array_elements(${json}::jsonb) x CROSS JOIN (VALUES ('phq9'), ('gad7')) k(kind)
    WHERE jsonb_array_length(coalesce(x->k.kind, '[]'::jsonb)) > 0`;
  await db.$executeRaw`
    INSERT INTO measure_responses (id, assignment_id, engagement_id, client_id, kind, period_key, answers, total, completed_at, updated_at)
    SELECT gen_random_uuid(), a.id, a.engagement_id, (x->>'user')::uuid, a.kind, 'every:' || t.ordinality, '[]', t.total::int,
           now() - interval '1 day' * (100 - t.ordinality), now()
    FROM jsonb_array_elements(${json}::jsonb) x
    JOIN measure_assignments a ON a.engagement_id = (x->>'engagement')::uuid
    CROSS JOIN LATERAL jsonb_array_elements_text(x->(a.kind::text)) WITH ORDINALITY t(total, ordinality)`;
  await db.$executeRaw`
    INSERT INTO homework_assignments (id, engagement_id, assigned_by_id, title, instructions, kind, schedule, starts_on, ends_on, updated_at)
    SELECT (x->>'engagement')::uuid, (x->>'engagement')::uuid, ${therapistId}::uuid, '', '', 'practice', 'daily', current_date - 60, current_date + 30, now()
    FROM jsonb_array_elements(${json}::jsonb) x WHERE x ? 'homework'`;
  await db.$executeRaw`
    INSERT INTO homework_occurrences (id, assignment_id, opens_on, due_on)
    SELECT gen_random_uuid(), (x->>'engagement')::uuid, current_date - d, current_date - d
    FROM jsonb_array_elements(${json}::jsonb) x CROSS JOIN LATERAL generate_series(1, (x->'homework'->>'due')::int) d
    WHERE x ? 'homework'`;
  // A day not yet due counts for nothing.
  await db.$executeRaw`
    INSERT INTO homework_occurrences (id, assignment_id, opens_on, due_on)
    SELECT gen_random_uuid(), (x->>'engagement')::uuid, current_date + 5, current_date + 5
    FROM jsonb_array_elements(${json}::jsonb) x WHERE x ? 'homework'`;
  await db.$executeRaw`
    INSERT INTO homework_completions (id, occurrence_id, client_id, status)
    SELECT gen_random_uuid(), o.id, (x->>'user')::uuid, 'done'
    FROM jsonb_array_elements(${json}::jsonb) x
    CROSS JOIN LATERAL (
      SELECT o.id FROM homework_occurrences o WHERE o.assignment_id = (x->>'engagement')::uuid AND o.due_on < current_date
      ORDER BY o.due_on LIMIT (x->'homework'->>'done')::int
    ) o
    WHERE x ? 'homework'`;
  await db.$executeRaw`
    INSERT INTO therapy_sessions (id, engagement_id, starts_at, status, created_by_id, updated_at)
    SELECT (f->>'session')::uuid, (x->>'engagement')::uuid, now() - interval '1 day' * f.ordinality, 'completed', ${therapistId}::uuid, now()
    FROM jsonb_array_elements(${json}::jsonb) x CROSS JOIN LATERAL jsonb_array_elements(x->'sessions') WITH ORDINALITY f(f, ordinality)`;
  await db.$executeRaw`
    INSERT INTO session_feedback (id, session_id, client_id, felt_heard, worked_on_wanted, approach_fit, overall)
    SELECT gen_random_uuid(), (f->>'session')::uuid, (x->>'user')::uuid, (f->>'score')::int, (f->>'score')::int, (f->>'score')::int, (f->>'score')::int
    FROM jsonb_array_elements(${json}::jsonb) x CROSS JOIN LATERAL jsonb_array_elements(x->'sessions') f`;
  return rows;
}

/** A practice: its owner (who sees clients too), an admin and the clinicians given. */
async function seedPractice(clinicianNames: string[]) {
  const owner = await seedTherapist(db, { name: "Olga Owner" });
  const admin = await seedTherapist(db, { name: "Adam Admin" });
  const clinicians = [];
  for (const name of clinicianNames) clinicians.push(await seedTherapist(db, { name }));
  madeUsers.push(owner.id, admin.id, ...clinicians.map((clinician) => clinician.id));
  const practice = await db.practice.create({
    data: {
      name: "Riverside Therapy",
      members: {
        create: [
          { userId: owner.id, role: "owner" },
          { userId: admin.id, role: "admin" },
          ...clinicians.map((clinician) => ({ userId: clinician.id, role: "clinician" as const })),
        ],
      },
    },
    select: { id: true },
  });
  return { practice, owner, admin, clinicians };
}

const shown = (cell: TCell) => (cell.isShown ? cell.value : "hidden");

function rowOf(rows: TOutcomeRow[], name: string): TOutcomeRow {
  const row = rows.find((candidate) => candidate.clinician?.name === name);
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

describe("the practice's outcomes", () => {
  it("gives medians, reliable change, homework done and feedback per clinician and for the practice", async () => {
    const { owner, admin, clinicians } = await seedPractice(["Bea Clinician"]);
    const [bea] = clinicians;
    // Bea: five clients. PHQ-9 changes (latest − first): −8, −6, −2, +1, +6 → median −2; reliable (5 points): 2 better, 1 worse.
    await seedOutcomeClients(bea.id, [
      { phq9: [20, 15, 12], gad7: [10, 6], homework: { due: 4, done: 4 }, feedback: [8, 10] },
      { phq9: [16, 10], gad7: [12, 12], homework: { due: 4, done: 2 }, feedback: [6] },
      { phq9: [10, 9, 8], gad7: [9, 14], homework: { due: 4, done: 0 }, feedback: [7] },
      { phq9: [9, 10], gad7: [8, 4], homework: { due: 4, done: 1 }, feedback: [9] },
      { phq9: [6, 12], gad7: [7, 7], homework: { due: 4, done: 3 }, feedback: [10] },
      // One answer only: counts as a client with answers, not in the change.
      { phq9: [14] },
    ]);
    // The owner's own client has not answered anything yet. (Had the owner a few clients with answers, their
    // figures would be hidden, and Bea's with them, or the practice's total would give them back: the next test.)
    await seedOutcomeClients(owner.id, [{}]);

    const report = await (await callerFor(db, admin)).outcomes.report();
    expect(report.practiceName).toBe("Riverside Therapy");
    expect(report.minCell).toBe(MIN_CELL);
    // The admin has no clients and no row; the owner and Bea do.
    expect(report.rows.map((row) => row.clinician?.name)).toEqual(["Olga Owner", "Bea Clinician"]);

    const beaRow = rowOf(report.rows, "Bea Clinician");
    expect(shown(beaRow.clientsWithMeasures)).toBe(6);
    expect(shown(beaRow.measures.phq9.clients)).toBe(5);
    expect(shown(beaRow.measures.phq9.medianChange)).toBe(-2);
    expect(shown(beaRow.measures.phq9.reliablyImproved)).toBeCloseTo(2 / 5);
    expect(shown(beaRow.measures.phq9.reliablyDeteriorated)).toBeCloseTo(1 / 5);
    // GAD-7 (4 points): −4, 0, +5, −4, 0 → median 0; 2 better, 1 worse.
    expect(shown(beaRow.measures.gad7.medianChange)).toBe(0);
    expect(shown(beaRow.measures.gad7.reliablyImproved)).toBeCloseTo(2 / 5);
    expect(shown(beaRow.measures.gad7.reliablyDeteriorated)).toBeCloseTo(1 / 5);
    // Homework: 10 of 20 days due were done (the day not due yet is not counted).
    expect(shown(beaRow.homework.clients)).toBe(5);
    expect(shown(beaRow.homework.doneShare)).toBeCloseTo(10 / 20);
    // Feedback: six answers, mean (8 + 10 + 6 + 7 + 9 + 10) / 6.
    expect(shown(beaRow.feedback.clients)).toBe(5);
    expect(shown(beaRow.feedback.overall)).toBeCloseTo(50 / 6);
    expect(shown(beaRow.feedback.feltHeard)).toBeCloseTo(50 / 6);

    // The owner's: every figure hidden, never a number behind fewer than five clients.
    const ownerRow = rowOf(report.rows, "Olga Owner");
    expect(shown(ownerRow.clientsWithMeasures)).toBe("hidden");
    expect(shown(ownerRow.measures.phq9.medianChange)).toBe("hidden");
    expect(shown(ownerRow.measures.phq9.reliablyImproved)).toBe("hidden");
    expect(JSON.stringify(ownerRow)).not.toMatch(/"value"/);

    // The practice: Bea's figures (the owner's client has no answers yet).
    expect(shown(report.practice.measures.phq9.clients)).toBe(5);
    expect(shown(report.practice.measures.phq9.medianChange)).toBe(-2);
    expect(shown(report.practice.clientsWithMeasures)).toBe(6);
    expect(shown(report.practice.homework.doneShare)).toBeCloseTo(10 / 20);
  });

  it("hides a second clinician's figure when only one is hidden, so the practice's total cannot give it back", async () => {
    const { owner, clinicians } = await seedPractice(["Cal Clinician", "Dee Clinician"]);
    const [cal, dee] = clinicians;
    const improving = (count: number): TClientSpec[] => Array.from({ length: count }, () => ({ phq9: [18, 9], feedback: [9] }));
    await seedOutcomeClients(cal.id, improving(6));
    await seedOutcomeClients(dee.id, improving(9));
    await seedOutcomeClients(owner.id, improving(2));

    const report = await (await callerFor(db, owner)).outcomes.report();
    expect(shown(rowOf(report.rows, "Olga Owner").measures.phq9.clients)).toBe("hidden");
    // Cal, the smallest shown, is hidden with the owner; Dee stays.
    expect(shown(rowOf(report.rows, "Cal Clinician").measures.phq9.clients)).toBe("hidden");
    expect(shown(rowOf(report.rows, "Cal Clinician").feedback.overall)).toBe("hidden");
    expect(shown(rowOf(report.rows, "Dee Clinician").measures.phq9.clients)).toBe(9);
    expect(shown(report.practice.measures.phq9.clients)).toBe(17);

    expect([...complementaryHidden([0, 3, 7, 6])].sort()).toEqual([1, 3]);
    expect([...complementaryHidden([2, 3, 7])].sort()).toEqual([0, 1]);
    expect([...complementaryHidden([0, 7, 9])]).toEqual([]);
  });

  it("is for the owner and admins only, and another practice sees nothing of this one", async () => {
    const { owner, clinicians } = await seedPractice(["Eve Clinician"]);
    await seedOutcomeClients(clinicians[0].id, Array.from({ length: 6 }, () => ({ phq9: [20, 5] })));
    await expect((await callerFor(db, clinicians[0])).outcomes.report()).rejects.toMatchObject({ code: "FORBIDDEN" });

    // A therapist on their own owns a practice of one: their report holds only their own clients.
    const solo = await seedTherapist(db, { name: "Sol Solo" });
    madeUsers.push(solo.id);
    const soloReport = await (await callerFor(db, solo)).outcomes.report();
    expect(soloReport.rows.map((row) => row.clinician?.name)).toEqual(["Sol Solo"]);
    expect(shown(soloReport.practice.measures.phq9.clients)).toBe("hidden");
    expect(JSON.stringify(soloReport)).not.toContain(clinicians[0].id);

    const ownReport = await (await callerFor(db, owner)).outcomes.report();
    expect(shown(ownReport.practice.measures.phq9.clients)).toBe(6);
  });

  it("reads the same few statements with 10 clients and with 10,000", async () => {
    const counts: Record<number, number> = {};
    for (const clients of [10, 10_000]) {
      const { admin, clinicians } = await seedPractice(["Fay Clinician", "Gus Clinician"]);
      const half = clients / 2;
      const spec = (index: number): TClientSpec => ({
        phq9: [10 + (index % 10), 8 + (index % 7), 6 + (index % 13)],
        gad7: [8 + (index % 9), 6 + (index % 5)],
        homework: { due: 3, done: index % 4 },
        feedback: [index % 11],
      });
      await seedOutcomeClients(clinicians[0].id, Array.from({ length: half }, (_, index) => spec(index)));
      await seedOutcomeClients(clinicians[1].id, Array.from({ length: half }, (_, index) => spec(index + half)));
      const user = { ...admin, hasTwoFactor: false };
      let report: Awaited<ReturnType<typeof practiceOutcomes>> | undefined;
      counts[clients] = await counting.countStatements(async () => {
        report = await practiceOutcomes(counting.db, user);
      });
      expect(shown(report!.practice.measures.phq9.clients)).toBe(clients);
      console.log(`practice outcomes: ${counts[clients]} statements with ${clients.toLocaleString("en-GB")} clients`);
    }
    expect(counts[10_000]).toBe(counts[10]);
    // The members (with the practice's name), then one statement per table.
    expect(counts[10]).toBe(4);
  }, 180_000);
});
