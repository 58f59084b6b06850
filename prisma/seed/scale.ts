// A large practice, built quickly with set-based SQL (generate_series into
// temporary tables, then one INSERT … SELECT per table), for the bench and
// the statement budget (`npm run seed:scale`, scripts/bench.ts,
// e2e/deployment/statement-budget.spec.ts). The text people write (goals and
// their steps, homework, agenda items, journal entries) is sealed as the app
// seals it (server/crypto/sealed-fields.ts): row-bound, so it is sealed here
// in Node and sent in batches of arrays (unnest), joined to the temporary
// tables that hold the rest of each row.
//
// Shape: `therapists` therapists with `clientsPerTherapist` active clients
// each; per engagement goals with rating histories and a step, homework
// (daily assignments whose past days are mostly recorded), sessions (the last
// upcoming, the rest completed, with feedback) with agenda items, check-ins;
// per client journal entries. `focus` makes the first engagement larger
// still, for a page measured at two sizes; with `exerciseEntries` it also
// gets an exercise (the therapist's own template from the exposure starter,
// with its form) with that many sent entries, each naming a step of a
// `ladderSteps`-step ladder: daily assignments of at most
// MAX_ASSIGNMENT_DAYS, the newest running to today, so its entries page
// reads up to 49 entries and the ladder and the brief read all of them.
// With `messages` its conversation is on (any time) and holds that many
// messages, every other one the client's, a few minutes apart up to now,
// the therapist having read the older half. With `safetyPlanVersions` the
// client has a safety plan changed that many times, by each in turn.
//
// Times are spread over the weeks before `now`; every person's password is
// `password` (hashed once). Names and e-mails start with `prefix`, so a
// database can hold several practices and a run can find its own.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { hashPassword } from "../../server/auth/password";
import { sealField } from "../../server/crypto/sealed-fields";
import { sealGoalText, sealStepText } from "../../server/goals/sealing";
import { sealAssignmentText, sealTemplateText } from "../../server/homework/sealing";
import { sealDefinition } from "../../server/exercises/forms";
import { MAX_DAYS } from "../../lib/homework/schedule";
import { ZExerciseFormSchema } from "../../lib/exercises/form-definition";
import { STARTER_EXERCISES } from "../../lib/exercises/starters";
import { emptySafetyPlan, SAFETY_PLAN_LINES_MAX, type TSafetyPlanContent } from "../../lib/constants/safety-plan";
import { sealPlanContent, sealVersionContent } from "../../server/safety-plans/sealing";

export type TScaleShape = {
  prefix: string;
  therapists: number;
  clientsPerTherapist: number;
  goalsPerEngagement: number;
  ratingsPerGoal: number;
  assignmentsPerEngagement: number;
  daysPerAssignment: number;
  sessionsPerEngagement: number;
  agendaItemsPerSession: number;
  journalEntriesPerClient: number;
  /** The first therapist's first engagement gets these instead, and an exercise with a ladder when asked. */
  focus?: {
    goals: number;
    homeworkDays: number;
    agendaItems: number;
    journalEntries: number;
    exerciseEntries?: number;
    ladderSteps?: number;
    messages?: number;
    safetyPlanVersions?: number;
  };
};

/** `npm run seed:scale`: 1,000 therapists, 20,000 clients, ~1,000,000 homework days. */
export const FULL_PRACTICE: TScaleShape = {
  prefix: "scale",
  therapists: 1000,
  clientsPerTherapist: 20,
  goalsPerEngagement: 3,
  ratingsPerGoal: 12,
  assignmentsPerEngagement: 2,
  daysPerAssignment: 25,
  sessionsPerEngagement: 6,
  agendaItemsPerSession: 2,
  journalEntriesPerClient: 5,
};

export type TScaleReport = { rows: Record<string, number>; seconds: number };

const EMAIL_DOMAIN = "scale.alliance.test";
/** Within the longest assignment the app allows (MAX_DAYS). */
const MAX_ASSIGNMENT_DAYS = Math.min(50, MAX_DAYS);

export function scaleTherapistEmail(prefix: string, index: number): string {
  return `${prefix}-t${index}@${EMAIL_DOMAIN}`;
}

export function scaleClientEmail(prefix: string, index: number): string {
  return `${prefix}-c${index}@${EMAIL_DOMAIN}`;
}

/** Builds the practice on `client` in one transaction; returns rows per table. */
export async function seedScale(client: pg.Client, shape: TScaleShape, options: { now: Date; password: string }): Promise<TScaleReport> {
  const started = performance.now();
  const hash = await hashPassword(options.password);
  const rows: Record<string, number> = {};
  const run = async (table: string, sql: string, params: unknown[] = []) => {
    const result = await client.query(sql, params);
    rows[table] = (rows[table] ?? 0) + (result.rowCount ?? 0);
  };
  const focus = shape.focus;
  const now = options.now.toISOString();

  await client.query("BEGIN");
  try {
    // People and engagements. Client i belongs to therapist ceil(i / clientsPerTherapist).
    await client.query(`
      CREATE TEMP TABLE scale_therapists ON COMMIT DROP AS
      SELECT gen_random_uuid() AS id, i FROM generate_series(1, $1::int) i`, [shape.therapists]);
    await client.query(`
      CREATE TEMP TABLE scale_engagements ON COMMIT DROP AS
      SELECT gen_random_uuid() AS id, gen_random_uuid() AS client_id, t.id AS therapist_id, c.i AS client_index,
             (t.i = 1 AND c.i = 1) AS is_focus
      FROM scale_therapists t
      CROSS JOIN LATERAL generate_series((t.i - 1) * $1::int + 1, t.i * $1::int) c(i)`, [shape.clientsPerTherapist]);
    await run("users", `
      INSERT INTO users (id, email, name, role, password_hash, time_zone, created_at, updated_at)
      SELECT id, $1 || '-t' || i || '@${EMAIL_DOMAIN}', 'Therapist ' || i, 'therapist', $2, 'Europe/London', $3::timestamptz - interval '200 days', $3::timestamptz
      FROM scale_therapists`, [shape.prefix, hash, now]);
    await run("users", `
      INSERT INTO users (id, email, name, role, password_hash, time_zone, created_at, updated_at)
      SELECT client_id, $1 || '-c' || client_index || '@${EMAIL_DOMAIN}', 'Client ' || client_index, 'client', $2, 'Europe/London',
             $3::timestamptz - interval '100 days', $3::timestamptz
      FROM scale_engagements`, [shape.prefix, hash, now]);
    await run("engagements", `
      INSERT INTO engagements (id, therapist_id, client_id, status, started_at, created_at, updated_at)
      SELECT id, therapist_id, client_id, 'active', $1::timestamptz - interval '90 days', $1::timestamptz - interval '91 days', $1::timestamptz
      FROM scale_engagements`, [now]);

    // Goals, each with a step and a rating history alternating between the two.
    await client.query(`
      CREATE TEMP TABLE scale_goals ON COMMIT DROP AS
      SELECT gen_random_uuid() AS id, e.id AS engagement_id, e.therapist_id, e.client_id, g.n
      FROM scale_engagements e
      CROSS JOIN LATERAL generate_series(1, CASE WHEN e.is_focus THEN $1::int ELSE $2::int END) g(n)`, [
      focus?.goals ?? shape.goalsPerEngagement,
      shape.goalsPerEngagement,
    ]);
    const goals = await client.query<{ id: string; engagement_id: string; n: number }>("SELECT id, engagement_id, n FROM scale_goals");
    const goalText: { id: string[]; title: string[]; description: string[]; stepId: string[]; step: string[] } = {
      id: [],
      title: [],
      description: [],
      stepId: [],
      step: [],
    };
    for (const goal of goals.rows) {
      const sealed = sealGoalText(
        { engagementId: goal.engagement_id, goalId: goal.id },
        { title: `Goal ${goal.n}`, description: "A goal set together.", whyItMatters: "" },
      );
      const stepId = randomUUID();
      goalText.id.push(goal.id);
      goalText.title.push(sealed.title);
      goalText.description.push(sealed.description);
      goalText.stepId.push(stepId);
      goalText.step.push(sealStepText(goal.id, stepId, "A first small step"));
    }
    await insertInBatches(goalText.id.length, async (from, to) =>
      run("goals", `
        INSERT INTO goals (id, engagement_id, title, description, status, position, created_by_id, created_at, updated_at)
        SELECT g.id, g.engagement_id, x.title, x.description, 'active', g.n, g.therapist_id,
               $1::timestamptz - interval '80 days', $1::timestamptz
        FROM unnest($2::uuid[], $3::text[], $4::text[]) AS x(id, title, description) JOIN scale_goals g ON g.id = x.id`, [
        now,
        goalText.id.slice(from, to),
        goalText.title.slice(from, to),
        goalText.description.slice(from, to),
      ]),
    );
    await insertInBatches(goalText.id.length, async (from, to) =>
      run("goal_steps", `
        INSERT INTO goal_steps (id, goal_id, text, position, created_by_id, created_at)
        SELECT x.id, g.id, x.text, 0, g.therapist_id, $1::timestamptz - interval '80 days'
        FROM unnest($2::uuid[], $3::uuid[], $4::text[]) AS x(goal_id, id, text) JOIN scale_goals g ON g.id = x.goal_id`, [
        now,
        goalText.id.slice(from, to),
        goalText.stepId.slice(from, to),
        goalText.step.slice(from, to),
      ]),
    );
    await run("goal_ratings", `
      INSERT INTO goal_ratings (id, goal_id, author_id, author_role, value, created_at)
      SELECT gen_random_uuid(), g.id,
             CASE WHEN r % 2 = 0 THEN g.client_id ELSE g.therapist_id END,
             (CASE WHEN r % 2 = 0 THEN 'client' ELSE 'therapist' END)::"Role",
             (3 + (r * 7 + g.n) % 8)::smallint,
             $2::timestamptz - make_interval(days => ($1::int - r) * 5)
      FROM scale_goals g CROSS JOIN generate_series(1, $1::int) r`, [shape.ratingsPerGoal, now]);

    // Homework: daily assignments of at most MAX_ASSIGNMENT_DAYS, the latest around today (a quarter of it ahead),
    // earlier ones (the focus engagement's) one after another before it; past days mostly recorded.
    await client.query(`
      CREATE TEMP TABLE scale_assignments ON COMMIT DROP AS
      SELECT gen_random_uuid() AS id, e.id AS engagement_id, e.therapist_id, e.client_id, a.n,
             CASE WHEN e.is_focus AND $4::boolean THEN least($5::int, $1::int - (a.n - 1) * $5::int) ELSE $2::int END AS days,
             CASE WHEN e.is_focus AND $4::boolean THEN (a.n - 1) * $5::int ELSE 0 END AS earlier_by
      FROM scale_engagements e
      CROSS JOIN LATERAL generate_series(1, CASE WHEN e.is_focus AND $4::boolean THEN ceil($1::numeric / $5::int)::int ELSE $3::int END) a(n)`, [
      focus?.homeworkDays ?? shape.daysPerAssignment,
      shape.daysPerAssignment,
      shape.assignmentsPerEngagement,
      Boolean(focus),
      MAX_ASSIGNMENT_DAYS,
    ]);
    const assignments = await client.query<{ id: string; engagement_id: string; n: number }>("SELECT id, engagement_id, n FROM scale_assignments");
    const assignmentText: { id: string[]; title: string[]; instructions: string[] } = { id: [], title: [], instructions: [] };
    for (const assignment of assignments.rows) {
      const sealed = sealAssignmentText(
        { engagementId: assignment.engagement_id, assignmentId: assignment.id },
        { title: `Practice ${assignment.n}`, instructions: "A few minutes a day." },
      );
      assignmentText.id.push(assignment.id);
      assignmentText.title.push(sealed.title);
      assignmentText.instructions.push(sealed.instructions);
    }
    await insertInBatches(assignmentText.id.length, async (from, to) =>
      run("homework_assignments", `
        INSERT INTO homework_assignments (id, engagement_id, assigned_by_id, title, instructions, kind, schedule, starts_on, ends_on, status, created_at, updated_at)
        SELECT a.id, a.engagement_id, a.therapist_id, x.title, x.instructions, 'practice', 'daily',
               ($1::timestamptz)::date - (a.days - a.days / 4) - a.earlier_by, ($1::timestamptz)::date - (a.days - a.days / 4) - a.earlier_by + a.days - 1, 'active',
               $1::timestamptz - make_interval(days => a.days + a.earlier_by), $1::timestamptz
        FROM unnest($2::uuid[], $3::text[], $4::text[]) AS x(id, title, instructions) JOIN scale_assignments a ON a.id = x.id`, [
        now,
        assignmentText.id.slice(from, to),
        assignmentText.title.slice(from, to),
        assignmentText.instructions.slice(from, to),
      ]),
    );
    await client.query(`
      CREATE TEMP TABLE scale_occurrences ON COMMIT DROP AS
      SELECT gen_random_uuid() AS id, a.id AS assignment_id, a.client_id, (($1::timestamptz)::date - (a.days - a.days / 4) - a.earlier_by + d) AS day
      FROM scale_assignments a CROSS JOIN LATERAL generate_series(0, a.days - 1) d`, [now]);
    await run("homework_occurrences", `
      INSERT INTO homework_occurrences (id, assignment_id, opens_on, due_on) SELECT id, assignment_id, day, day FROM scale_occurrences`);
    await run("homework_completions", `
      INSERT INTO homework_completions (id, occurrence_id, client_id, status, difficulty, helpfulness, completed_at)
      SELECT gen_random_uuid(), id, client_id,
             (CASE WHEN abs(hashtext(id::text)) % 10 < 2 THEN 'skipped' WHEN abs(hashtext(id::text)) % 10 < 4 THEN 'partly_done' ELSE 'done' END)::"CompletionStatus",
             2, 3, day + time '19:00'
      FROM scale_occurrences
      WHERE day < ($1::timestamptz)::date AND abs(hashtext(id::text || 'x')) % 10 < 8`, [now]);

    // Sessions, weekly; the last one upcoming. Completed ones have feedback.
    await client.query(`
      CREATE TEMP TABLE scale_sessions ON COMMIT DROP AS
      SELECT gen_random_uuid() AS id, e.id AS engagement_id, e.therapist_id, e.client_id, e.is_focus, s.n,
             (s.n = $1::int) AS is_upcoming,
             $2::timestamptz + make_interval(days => 2 - ($1::int - s.n) * 7) AS starts_at
      FROM scale_engagements e CROSS JOIN generate_series(1, $1::int) s(n)`, [shape.sessionsPerEngagement, now]);
    await run("therapy_sessions", `
      INSERT INTO therapy_sessions (id, engagement_id, starts_at, status, created_by_id, created_at, updated_at)
      SELECT id, engagement_id, starts_at, (CASE WHEN is_upcoming THEN 'scheduled' ELSE 'completed' END)::"SessionStatus", therapist_id,
             starts_at - interval '14 days', $1::timestamptz
      FROM scale_sessions`, [now]);
    await run("session_feedback", `
      INSERT INTO session_feedback (id, session_id, client_id, felt_heard, worked_on_wanted, approach_fit, overall, created_at)
      SELECT gen_random_uuid(), id, client_id, 8, 7, 8, (6 + n % 4)::smallint, starts_at + interval '3 hours'
      FROM scale_sessions WHERE NOT is_upcoming`);
    await run("check_ins", `
      INSERT INTO check_ins (id, engagement_id, client_id, session_id, personal, relationships, social, overall, created_at)
      SELECT gen_random_uuid(), engagement_id, client_id, id, 6, 7, 6, (5 + n % 4)::smallint, starts_at - interval '1 hour'
      FROM scale_sessions WHERE NOT is_upcoming`);

    // Agenda items and journal entries: sealed here, bound to their rows.
    const sessions = await client.query<{ id: string; client_id: string; therapist_id: string; is_focus: boolean; is_upcoming: boolean }>(
      "SELECT id, client_id, therapist_id, is_focus, is_upcoming FROM scale_sessions",
    );
    const agenda: { session: string[]; author: string[]; text: string[]; position: number[]; status: string[]; createdAt: string[] } = {
      session: [],
      author: [],
      text: [],
      position: [],
      status: [],
      createdAt: [],
    };
    for (const session of sessions.rows) {
      const count = session.is_focus && session.is_upcoming && focus ? focus.agendaItems : shape.agendaItemsPerSession;
      for (let position = 0; position < count; position += 1) {
        const authorId = position % 3 === 2 ? session.therapist_id : session.client_id;
        agenda.session.push(session.id);
        agenda.author.push(authorId);
        agenda.text.push(sealField("agendaText", { sessionId: session.id, authorId }, `Something to talk about (${position + 1})`));
        agenda.position.push(position);
        agenda.status.push(session.is_upcoming ? "open" : "discussed");
        agenda.createdAt.push(now);
      }
    }
    await insertInBatches(agenda.session.length, async (from, to) =>
      run("agenda_items", `
        INSERT INTO agenda_items (id, session_id, author_id, text, position, status, created_at, updated_at)
        SELECT gen_random_uuid(), s, a, t, p, st::"AgendaItemStatus", c::timestamptz, c::timestamptz
        FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[], $5::text[], $6::text[]) AS x(s, a, t, p, st, c)`, [
        agenda.session.slice(from, to),
        agenda.author.slice(from, to),
        agenda.text.slice(from, to),
        agenda.position.slice(from, to),
        agenda.status.slice(from, to),
        agenda.createdAt.slice(from, to),
      ]),
    );

    const clients = await client.query<{ client_id: string; id: string; is_focus: boolean }>("SELECT client_id, id, is_focus FROM scale_engagements");
    const journal: { client: string[]; body: string[]; shared: (string | null)[]; createdAt: string[] } = { client: [], body: [], shared: [], createdAt: [] };
    for (const row of clients.rows) {
      const count = row.is_focus && focus ? focus.journalEntries : shape.journalEntriesPerClient;
      for (let entry = 0; entry < count; entry += 1) {
        journal.client.push(row.client_id);
        journal.body.push(sealField("journalBody", { clientId: row.client_id }, `A few lines about my week (${entry + 1}).`));
        // Every other entry is shared with the therapist.
        journal.shared.push(entry % 2 === 0 ? row.id : null);
        journal.createdAt.push(new Date(options.now.getTime() - (entry + 1) * 36 * 3_600_000).toISOString());
      }
    }
    await insertInBatches(journal.client.length, async (from, to) =>
      run("journal_entries", `
        INSERT INTO journal_entries (id, client_id, body, mood, visibility, shared_engagement_id, shared_at, created_at, updated_at)
        SELECT gen_random_uuid(), cl, b, 6, (CASE WHEN sh IS NULL THEN 'private' ELSE 'shared' END)::"JournalVisibility", sh,
               CASE WHEN sh IS NULL THEN NULL ELSE c::timestamptz END, c::timestamptz, c::timestamptz
        FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[]) AS x(cl, b, sh, c)`, [
        journal.client.slice(from, to),
        journal.body.slice(from, to),
        journal.shared.slice(from, to),
        journal.createdAt.slice(from, to),
      ]),
    );

    if (focus?.exerciseEntries) await seedExercise(client, run, now, focus.exerciseEntries, focus.ladderSteps ?? 0);
    if (focus?.messages) await seedMessages(client, run, options.now, focus.messages);
    if (focus?.safetyPlanVersions) await seedSafetyPlan(client, run, options.now, focus.safetyPlanVersions);

    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
  // Fresh statistics, so the planner sees the tables' real sizes at once.
  await client.query("ANALYZE");
  return { rows, seconds: Math.round((performance.now() - started) / 100) / 10 };
}

/**
 * The focus engagement's exercise: the therapist's template made from the
 * exposure starter (form version 1), a ladder of `steps` steps, and daily
 * assignments of that form covering the `entries` days before today and
 * today, every past day sent (the day recorded as done, as sending records
 * it). The step's words, the form and the answers are sealed as the app
 * seals them.
 */
async function seedExercise(
  client: pg.Client,
  run: (table: string, sql: string, params?: unknown[]) => Promise<void>,
  now: string,
  entries: number,
  steps: number,
): Promise<void> {
  const starter = STARTER_EXERCISES.find((candidate) => candidate.key === "exposure_practice")!;
  const form = ZExerciseFormSchema.parse({ fields: starter.fields });
  const stepField = form.fields.find((field) => field.type === "ladder_step")!;
  const { rows } = await client.query<{ id: string; therapist_id: string; client_id: string }>("SELECT id, therapist_id, client_id FROM scale_engagements WHERE is_focus");
  const engagement = rows[0]!;
  const templateId = randomUUID();
  const formId = randomUUID();
  const template = sealTemplateText(templateId, { title: starter.title, instructions: starter.instructions });
  await run("homework_templates", `
    INSERT INTO homework_templates (id, owner_id, title, instructions, kind, schedule, duration_days, created_at, updated_at)
    VALUES ($1, $2, $3, $4, 'worksheet', 'daily', 7, $5::timestamptz - interval '60 days', $5::timestamptz - interval '60 days')`, [
    templateId,
    engagement.therapist_id,
    template.title,
    template.instructions,
    now,
  ]);
  await run("exercise_forms", `
    INSERT INTO exercise_forms (id, template_id, version, definition, created_at) VALUES ($1, $2, 1, $3, $4::timestamptz - interval '60 days')`, [
    formId,
    templateId,
    sealDefinition(formId, form),
    now,
  ]);

  const stepIds = Array.from({ length: steps }, () => randomUUID());
  await run("ladder_steps", `
    INSERT INTO ladder_steps (id, engagement_id, text, expected_anxiety, created_by_id, created_at, updated_at)
    SELECT x.id, $1, x.text, x.anxiety, $2, $3::timestamptz - interval '60 days', $3::timestamptz - interval '60 days'
    FROM unnest($4::uuid[], $5::text[], $6::smallint[]) AS x(id, text, anxiety)`, [
    engagement.id,
    engagement.client_id,
    now,
    stepIds,
    stepIds.map((stepId, index) => sealField("ladderStepText", { engagementId: engagement.id, stepId }, `A situation to face (${index + 1})`)),
    stepIds.map((_, index) => Math.round(((index + 1) * 100) / (steps + 1))),
  ]);

  // Assignments of at most MAX_ASSIGNMENT_DAYS days: the newest runs to today (still open), earlier ones
  // one after another before it, every past day sent. Day offsets count back from today.
  const assignmentRows: { id: string; title: string; instructions: string; first: number; last: number }[] = [];
  const occurrences: { id: string; assignment: string; offset: number }[] = [];
  for (let left = entries, last = 0; left > 0 || assignmentRows.length === 0; ) {
    const isNewest = assignmentRows.length === 0;
    const sentDays = Math.min(left, isNewest ? MAX_ASSIGNMENT_DAYS - 1 : MAX_ASSIGNMENT_DAYS);
    const first = last + sentDays - (isNewest ? 0 : 1);
    const id = randomUUID();
    const text = sealAssignmentText({ engagementId: engagement.id, assignmentId: id }, { title: starter.title, instructions: starter.instructions });
    assignmentRows.push({ id, ...text, first, last });
    for (let offset = first; offset >= last; offset -= 1) occurrences.push({ id: randomUUID(), assignment: id, offset });
    left -= sentDays;
    last = first + 1;
  }
  await run("homework_assignments", `
    INSERT INTO homework_assignments (id, engagement_id, template_id, form_id, assigned_by_id, title, instructions, kind, schedule, starts_on, ends_on, status, created_at, updated_at)
    SELECT x.id, $1, $2, $3, $4, x.title, x.instructions, 'worksheet', 'daily', ($5::timestamptz)::date - x.first, ($5::timestamptz)::date - x.last, 'active',
           $5::timestamptz - make_interval(days => x.first + 1), $5::timestamptz
    FROM unnest($6::uuid[], $7::text[], $8::text[], $9::int[], $10::int[]) AS x(id, title, instructions, first, last)`, [
    engagement.id,
    templateId,
    formId,
    engagement.therapist_id,
    now,
    assignmentRows.map((row) => row.id),
    assignmentRows.map((row) => row.title),
    assignmentRows.map((row) => row.instructions),
    assignmentRows.map((row) => row.first),
    assignmentRows.map((row) => row.last),
  ]);
  await insertInBatches(occurrences.length, async (from, to) =>
    run("homework_occurrences", `
      INSERT INTO homework_occurrences (id, assignment_id, opens_on, due_on)
      SELECT x.id, x.assignment, ($1::timestamptz)::date - x.offset_days, ($1::timestamptz)::date - x.offset_days
      FROM unnest($2::uuid[], $3::uuid[], $4::int[]) AS x(id, assignment, offset_days)`, [
      now,
      occurrences.slice(from, to).map((occurrence) => occurrence.id),
      occurrences.slice(from, to).map((occurrence) => occurrence.assignment),
      occurrences.slice(from, to).map((occurrence) => occurrence.offset),
    ]),
  );
  // Every day before today is sent; the n-th oldest says so in its words.
  const sent = occurrences.filter((occurrence) => occurrence.offset > 0).sort((a, b) => b.offset - a.offset);
  const answers = sent.map((occurrence, day) =>
    sealField(
      "exerciseAnswers",
      { occurrenceId: occurrence.id, formId },
      JSON.stringify({
        ...(stepIds.length > 0 ? { [stepField.key]: stepIds[day % stepIds.length] } : {}),
        anxiety_before: 40 + (day % 30),
        anxiety_peak: 60 + (day % 35),
        anxiety_after: 20 + (day % 25),
        minutes: 10 + (day % 40),
        happened: `It went better than I feared (${day + 1}).`,
      }),
    ),
  );
  await insertInBatches(sent.length, async (from, to) => {
    const ids = sent.slice(from, to).map((occurrence) => occurrence.id);
    await run("exercise_entries", `
      INSERT INTO exercise_entries (id, occurrence_id, assignment_id, engagement_id, client_id, form_id, answers, sent_at, created_at, updated_at)
      SELECT gen_random_uuid(), o.id, o.assignment_id, $1, $2, $3, x.answers, o.due_on + time '19:00', o.due_on + time '18:45', o.due_on + time '19:00'
      FROM unnest($4::uuid[], $5::text[]) AS x(id, answers) JOIN homework_occurrences o ON o.id = x.id`, [
      engagement.id,
      engagement.client_id,
      formId,
      ids,
      answers.slice(from, to),
    ]);
    await run("homework_completions", `
      INSERT INTO homework_completions (id, occurrence_id, client_id, status, completed_at)
      SELECT gen_random_uuid(), o.id, $2, 'done', o.due_on + time '19:00'
      FROM unnest($1::uuid[]) AS x(id) JOIN homework_occurrences o ON o.id = x.id`, [ids, engagement.client_id]);
  });
}

/** Minutes between two of the focus conversation's messages. */
const MESSAGE_SPACING_MINUTES = 7;

/**
 * The focus engagement's conversation: on for any time, `count` messages
 * alternating between client and therapist, the newest a minute before
 * `now`, each sealed to its own row as the app seals it (messageBody), and
 * the therapist's read mark halfway.
 */
async function seedMessages(client: pg.Client, run: (table: string, sql: string, params?: unknown[]) => Promise<void>, now: Date, count: number) {
  const { rows } = await client.query<{ id: string; therapist_id: string; client_id: string }>("SELECT id, therapist_id, client_id FROM scale_engagements WHERE is_focus");
  const engagement = rows[0]!;
  await run("conversations", "INSERT INTO conversations (engagement_id, mode, reply_time, updated_at) VALUES ($1, 'open', 'I usually reply within two working days', $2)", [
    engagement.id,
    now.toISOString(),
  ]);
  const at = (index: number) => new Date(now.getTime() - (60_000 + (count - 1 - index) * MESSAGE_SPACING_MINUTES * 60_000)).toISOString();
  const messages: { id: string[]; author: string[]; body: string[]; createdAt: string[] } = { id: [], author: [], body: [], createdAt: [] };
  for (let index = 0; index < count; index += 1) {
    const id = randomUUID();
    const authorId = index % 2 === 0 ? engagement.client_id : engagement.therapist_id;
    messages.id.push(id);
    messages.author.push(authorId);
    messages.body.push(sealField("messageBody", { engagementId: engagement.id, authorId, messageId: id }, `A few words between sessions (${index + 1}).`));
    messages.createdAt.push(at(index));
  }
  await insertInBatches(count, (from, to) =>
    run("messages", `
      INSERT INTO messages (id, engagement_id, author_id, body, created_at)
      SELECT x.id, $1, x.author, x.body, x.created_at::timestamptz
      FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[]) AS x(id, author, body, created_at)`, [
      engagement.id,
      messages.id.slice(from, to),
      messages.author.slice(from, to),
      messages.body.slice(from, to),
      messages.createdAt.slice(from, to),
    ]),
  );
  await run("conversation_reads", "INSERT INTO conversation_reads (engagement_id, user_id, last_read_at) VALUES ($1, $2, $3)", [
    engagement.id,
    engagement.therapist_id,
    at(Math.floor(count / 2)),
  ]);
}

/**
 * The focus client's safety plan, saved `count` times by client and
 * therapist in turn (a line more each time, up to a section's limit), each
 * version sealed to its own row as the app seals it; the plan holds the last.
 */
async function seedSafetyPlan(client: pg.Client, run: (table: string, sql: string, params?: unknown[]) => Promise<void>, now: Date, count: number) {
  const { rows } = await client.query<{ id: string; therapist_id: string; client_id: string }>("SELECT id, therapist_id, client_id FROM scale_engagements WHERE is_focus");
  const engagement = rows[0]!;
  const planId = randomUUID();
  const contentAt = (index: number): TSafetyPlanContent => ({
    ...emptySafetyPlan(),
    warningSigns: Array.from({ length: Math.min(index + 1, SAFETY_PLAN_LINES_MAX) }, (_, line) => `A sign that it's getting hard (${index + 1}.${line + 1})`),
    peopleToAsk: [{ name: "A friend", phone: "07700 900123" }],
  });
  const at = (index: number) => new Date(now.getTime() - (count - index) * 60 * 60_000).toISOString();
  const lastAuthor = (count - 1) % 2 === 0 ? engagement.client_id : engagement.therapist_id;
  await run("safety_plans", "INSERT INTO safety_plans (id, engagement_id, content, version, updated_by_id, updated_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)", [
    planId,
    engagement.id,
    sealPlanContent({ engagementId: engagement.id, planId }, contentAt(count - 1)),
    count,
    lastAuthor,
    at(count - 1),
    at(0),
  ]);
  const versions: { id: string[]; version: number[]; content: string[]; author: string[]; createdAt: string[] } = { id: [], version: [], content: [], author: [], createdAt: [] };
  for (let index = 0; index < count; index += 1) {
    const id = randomUUID();
    versions.id.push(id);
    versions.version.push(index + 1);
    versions.content.push(sealVersionContent({ planId, versionId: id }, contentAt(index)));
    versions.author.push(index % 2 === 0 ? engagement.client_id : engagement.therapist_id);
    versions.createdAt.push(at(index));
  }
  await insertInBatches(count, (from, to) =>
    run("safety_plan_versions", `
      INSERT INTO safety_plan_versions (id, plan_id, version, content, author_id, created_at)
      SELECT x.id, $1, x.version, x.content, x.author, x.created_at::timestamptz
      FROM unnest($2::uuid[], $3::int[], $4::text[], $5::uuid[], $6::text[]) AS x(id, version, content, author, created_at)`, [
      planId,
      versions.id.slice(from, to),
      versions.version.slice(from, to),
      versions.content.slice(from, to),
      versions.author.slice(from, to),
      versions.createdAt.slice(from, to),
    ]),
  );
}

const BATCH = 20_000;

async function insertInBatches(total: number, insert: (from: number, to: number) => Promise<void>): Promise<void> {
  for (let from = 0; from < total; from += BATCH) await insert(from, Math.min(total, from + BATCH));
}
