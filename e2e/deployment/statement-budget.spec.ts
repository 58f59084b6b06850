// The statement budget (README, "Performance"): the caseload, a client page and each of its parts,
// a session page, the client's home, the exercise pages (an exercise's
// entries, one entry, the ladder, a template's form), a conversation and a
// safety plan with its history (for either person), the handover pages (a clinician's proposal,
// the client's answer, the owner's list), supervision's pages (the supervisor's list and read-only
// view, the client's answer page), the practice and its outcomes each load with at most PAGE_STATEMENT_BUDGET SQL statements,
// the same with 10 and with 1,000 records (clients, goals, homework days,
// agenda items, journal entries, exercise entries naming ladder steps; 10
// and 10,000 messages; 10 and 1,000 safety plan versions), with one audit insert per page
// (none for a template's form, which is no clinical record). Counted where it is true: every statement
// Postgres receives from the app's connections (log_statement = all), for
// one page load on the production build. The two-step sign-in page joins
// them with its own, record-free count.
import { expect, test } from "@playwright/test";
import { seedScale, scaleClientEmail, scaleTherapistEmail, type TScaleShape } from "../../prisma/seed/scale";
import { APP_APPLICATION_NAME } from "../../server/db/client";
import { TOUCH_INTERVAL_MS } from "../../server/auth/session-limits";
import { signInOverHttp } from "../../scripts/lib/http-session";
import { seedConsentedSupervisor } from "./practice-seed";
import { newCluster, ownPostgres, startInstance, waitUntil, type TCluster, type TInstance, type TOwnPostgres } from "./cluster";
import pg from "pg";
import { MAX_LADDER_STEPS } from "../../lib/schemas/exercise";
import { CLIENT_SECTIONS, type TClientSectionSlug } from "../../lib/engagements/client-sections";

const PAGE_STATEMENT_BUDGET = 8;
const PASSWORD = "a statement budget password";

function shape(prefix: string, size: (typeof SIZES)[number]): TScaleShape {
  return {
    prefix,
    therapists: 1,
    clientsPerTherapist: size,
    goalsPerEngagement: 2,
    ratingsPerGoal: 4,
    assignmentsPerEngagement: 1,
    daysPerAssignment: 7,
    sessionsPerEngagement: 3,
    agendaItemsPerSession: 2,
    journalEntriesPerClient: 2,
    focus: {
      goals: size,
      homeworkDays: size,
      agendaItems: size,
      journalEntries: size,
      exerciseEntries: size,
      ladderSteps: Math.min(size, MAX_LADDER_STEPS),
      messages: messagesFor(size),
      safetyPlanVersions: size,
    },
  };
}

const SIZES = [10, 1000] as const;

/** The focus conversation's messages: 10 beside 10 records, 10,000 beside 1,000. */
function messagesFor(size: (typeof SIZES)[number]): number {
  return size === 10 ? 10 : 10_000;
}

let postgres: TOwnPostgres;
let cluster: TCluster;
let app: TInstance;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  postgres = await ownPostgres("budget", { log_statement: "all", log_line_prefix: "%a|" });
  cluster = await newCluster(postgres.serverUrl, "budget");
  const client = new pg.Client({ connectionString: cluster.databaseUrl });
  await client.connect();
  try {
    for (const size of SIZES) await seedScale(client, shape(`budget${size}`, size), { now: new Date(), password: PASSWORD });
  } finally {
    await client.end();
  }
  // Each therapist owns a practice with a colleague and a waiting invitation (issue 29): the practice page
  // reads them, and every page's session statement reads the practice's settings with it.
  for (const size of SIZES) {
    const owner = await cluster.db.user.findUniqueOrThrow({ where: { email: scaleTherapistEmail(`budget${size}`, 1) }, select: { id: true, passwordHash: true } });
    const colleague = await cluster.db.user.create({
      data: { email: `colleague-budget${size}@scale.alliance.test`, name: "Budget Colleague", role: "therapist", passwordHash: owner.passwordHash },
      select: { id: true },
    });
    await cluster.db.practice.create({
      data: {
        name: `Budget practice ${size}`,
        members: { create: [{ userId: owner.id, role: "owner" }, { userId: colleague.id, role: "clinician" }] },
        invitations: {
          create: { invitedById: owner.id, email: `invited-budget${size}@scale.alliance.test`, name: "Invited", role: "supervisor", tokenHash: "0".repeat(63) + (size === 10 ? "1" : "2"), expiresAt: new Date(Date.now() + 86_400_000) },
        },
      },
    });
  }
  app = await startInstance(cluster, "app");
});

test.afterAll(async () => {
  await app?.stop();
  await cluster?.drop();
  await postgres?.stop();
});

type TLoad = { status: number; statements: string[] };

/** One page load: the app's statements Postgres logged between the request and a quiet log. */
async function load(path: string, cookie: string): Promise<TLoad> {
  const before = postgres.log().length;
  const response = await fetch(`${app.url}${path}`, { headers: { cookie } });
  await response.text();
  // The log is written asynchronously; wait until it stops growing.
  let seen = -1;
  await waitUntil(
    () => {
      const now = postgres.log().length;
      const isQuiet = now === seen;
      seen = now;
      return isQuiet;
    },
    10_000,
    () => "the server log never went quiet",
  );
  const statements = postgres
    .log()
    .slice(before)
    .split("\n")
    .filter((line) => line.startsWith(`${APP_APPLICATION_NAME}|`) && /LOG: {2}(statement|execute [^:]*):/.test(line));
  return { status: response.status, statements };
}

type TPages = Record<
  | "caseload"
  | "client page"
  | `client page: ${TClientSectionSlug}`
  | "session page"
  | "client home"
  | "exercise entries"
  | "exercise entry"
  | "ladder (client)"
  | "ladder (therapist)"
  | "exercise form builder"
  | "conversation (therapist)"
  | "conversation (client)"
  | "safety plan (client)"
  | "safety plan (therapist)"
  | "client goals"
  | "client progress"
  | "practice"
  | "practice outcomes"
  | "hand over (therapist)"
  | "handover (client)"
  | "clients to hand over"
  | "supervision (supervisor)"
  | "supervised record (supervisor)"
  | "record sharing (client)",
  /** `audits`: inserts into the audit log (one, for all the page's clinical reads), unless the page reads none. */
  { path: string; cookie: string; audits?: 0 | 1; budget?: number }
>;

async function pagesFor(size: (typeof SIZES)[number]): Promise<TPages> {
  const prefix = `budget${size}`;
  const therapist = await signInOverHttp(app.url, scaleTherapistEmail(prefix, 1), PASSWORD);
  const client = await signInOverHttp(app.url, scaleClientEmail(prefix, 1), PASSWORD);
  const engagement = await cluster.db.engagement.findFirstOrThrow({ where: { client: { email: scaleClientEmail(prefix, 1) } }, select: { id: true } });
  const session = await cluster.db.therapySession.findFirstOrThrow({
    where: { engagementId: engagement.id, status: "scheduled" },
    select: { id: true, createdById: true, _count: { select: { agendaItems: true } } },
  });
  expect(session._count.agendaItems).toBe(size);
  // The exercise's `size` sent entries (prisma/seed/scale.ts): the newest assignment (up to 49 of them, within
  // the longest assignment the app allows), its newest entry, and the template its form came from.
  expect(await cluster.db.exerciseEntry.count({ where: { engagementId: engagement.id, sentAt: { not: null } } })).toBe(size);
  const exercise = await cluster.db.homeworkAssignment.findFirstOrThrow({
    where: { engagementId: engagement.id, formId: { not: null } },
    orderBy: { startsOn: "desc" },
    select: { id: true, templateId: true, _count: { select: { entries: true } } },
  });
  expect(exercise._count.entries).toBe(Math.min(size, 49));
  expect(await cluster.db.message.count({ where: { engagementId: engagement.id } })).toBe(messagesFor(size));
  const supervision = await supervisorOf(prefix, engagement.id);
  const entry = await cluster.db.exerciseEntry.findFirstOrThrow({
    where: { assignmentId: exercise.id, sentAt: { not: null } },
    orderBy: { sentAt: "desc" },
    select: { occurrenceId: true },
  });
  // A proposed handover to answer (issue 29): to the same therapist, which only this count's page reads.
  const handover =
    (await cluster.db.handover.findFirst({ where: { fromEngagementId: engagement.id, status: "proposed" }, select: { id: true } })) ??
    (await cluster.db.handover.create({
      data: { fromEngagementId: engagement.id, fromTherapistId: session.createdById, toTherapistId: session.createdById, proposedById: session.createdById },
      select: { id: true },
    }));
  return {
    // Its own, tighter budget: who needs the therapist first is ordered inside the engagements' statement.
    caseload: { path: "/caseload", cookie: therapist, budget: 7 },
    "client page": { path: `/clients/${engagement.id}`, cookie: therapist },
    // Its parts, each on its own page.
    ...(Object.fromEntries(
      CLIENT_SECTIONS.map((section) => [`client page: ${section.slug}`, { path: `/clients/${engagement.id}/${section.slug}`, cookie: therapist }]),
    ) as Record<`client page: ${TClientSectionSlug}`, { path: string; cookie: string }>),
    "session page": { path: `/sessions/${session.id}`, cookie: therapist },
    "client home": { path: "/between-sessions", cookie: client },
    // The client's home moved these a tab away (issue 27).
    "client goals": { path: "/goals", cookie: client },
    "client progress": { path: "/progress", cookie: client },
    "exercise entries": { path: `/homework/${exercise.id}/entries`, cookie: therapist },
    "exercise entry": { path: `/homework/${exercise.id}/entries/${entry.occurrenceId}`, cookie: client },
    "ladder (client)": { path: `/engagements/${engagement.id}/ladder`, cookie: client },
    "ladder (therapist)": { path: `/engagements/${engagement.id}/ladder`, cookie: therapist },
    // A template is the therapist's own library, not a clinical record: nothing to audit.
    "exercise form builder": { path: `/templates/${exercise.templateId}/form`, cookie: therapist, audits: 0 },
    "conversation (therapist)": { path: `/messages/${engagement.id}`, cookie: therapist },
    "conversation (client)": { path: `/messages/${engagement.id}`, cookie: client },
    // The plan and its history (the newest 50 of `size` versions).
    "safety plan (client)": { path: `/engagements/${engagement.id}/safety-plan`, cookie: client },
    "safety plan (therapist)": { path: `/engagements/${engagement.id}/safety-plan`, cookie: therapist },
    // The practice's outcomes (its owner's: the scale therapist owns a practice of one), over 10 and 1,000
    // clients: de-identified figures, no record opened, nothing audited.
    "practice outcomes": { path: "/practice/outcomes", cookie: therapist, audits: 0 },
    // Handing a client over (issue 29): the clinician's proposal page, the client's answer, the owner's list.
    "hand over (therapist)": { path: `/clients/${engagement.id}/hand-over`, cookie: therapist },
    "handover (client)": { path: `/handovers/${handover.id}`, cookie: client },
    "clients to hand over": { path: "/practice/handovers", cookie: therapist },
    // The practice (issue 29): its people and settings, no client's record, so nothing to audit.
    practice: { path: "/practice", cookie: therapist, audits: 0 },
    // Supervision (issue 29): the supervisor's list, their read-only view of the client's records, the client's answer page.
    "supervision (supervisor)": { path: "/supervision", cookie: supervision.cookie },
    "supervised record (supervisor)": { path: `/supervision/${supervision.requestId}`, cookie: supervision.cookie },
    "record sharing (client)": { path: "/record-sharing", cookie: client },
  };
}

/** A supervisor in the scale therapist's practice whom the focus client agreed to (issue 29), signed in. */
async function supervisorOf(prefix: string, engagementId: string): Promise<{ cookie: string; requestId: string }> {
  const email = `${prefix}-supervisor@scale.alliance.test`;
  // Made once per size: later tests asking for the same pages sign in again.
  const existing = await cluster.db.supervisionRequest.findFirst({ where: { supervisor: { email } }, select: { id: true } });
  if (existing) return { cookie: await signInOverHttp(app.url, email, PASSWORD), requestId: existing.id };
  const { requestId } = await seedConsentedSupervisor(cluster.db, {
    therapistEmail: scaleTherapistEmail(prefix, 1),
    engagementId,
    supervisorEmail: email,
    password: PASSWORD,
    practiceName: "Budget practice",
  });
  return { cookie: await signInOverHttp(app.url, email, PASSWORD), requestId };
}

test("each dashboard page loads within the statement budget, the same with 10 and with 1,000 records, with one audit insert", async () => {
  test.setTimeout(180_000);
  const counts: Record<string, number[]> = {};
  for (const size of SIZES) {
    const pages = await pagesFor(size);
    for (const [name, page] of Object.entries(pages)) {
      // The first load after signing in moves the session's last-seen time (once a minute); the next is the steady state.
      await load(page.path, page.cookie);
      const { status, statements } = await load(page.path, page.cookie);
      expect(status, `${name} at ${size}`).toBe(200);
      const audits = statements.filter((line) => line.includes('INSERT INTO "public"."audit_events"'));
      expect(audits, `${name} at ${size}: one audit insert for the whole page`).toHaveLength(page.audits ?? 1);
      expect(statements.length, `${name} at ${size}:\n${statements.map((line) => line.slice(0, 160)).join("\n")}`).toBeLessThanOrEqual(page.budget ?? PAGE_STATEMENT_BUDGET);
      (counts[name] ??= []).push(statements.length);
    }
  }
  console.log(Object.entries(counts).map(([name, [small, large]]) => `${name}: ${small} statements with 10 records, ${large} with 1,000`).join("\n"));
  for (const [name, [small, large]] of Object.entries(counts)) expect(large, name).toBe(small);
});

test("a load that also moves the session's last-seen time adds exactly that one update", async () => {
  const pages = await pagesFor(10);
  const { path, cookie } = pages["client page"];
  const steady = await load(path, cookie);
  // As if a minute had passed since the last request: the next load moves last_seen_at.
  await cluster.db.authSession.updateMany({ data: { lastSeenAt: new Date(Date.now() - TOUCH_INTERVAL_MS - 1_000) } });
  const touched = await load(path, cookie);
  const updates = touched.statements.filter((line) => line.includes('UPDATE "public"."auth_sessions"'));
  expect(updates).toHaveLength(1);
  expect(touched.statements.length).toBe(steady.statements.length + 1);
});

test("the two-step sign-in page reads the same few statements whatever the caseload, and audits nothing (no clinical record)", async () => {
  const counts: number[] = [];
  for (const size of SIZES) {
    const therapist = await signInOverHttp(app.url, scaleTherapistEmail(`budget${size}`, 1), PASSWORD);
    await load("/account/two-step", therapist);
    const { status, statements } = await load("/account/two-step", therapist);
    expect(status).toBe(200);
    expect(statements.filter((line) => line.includes('INSERT INTO "public"."audit_events"'))).toHaveLength(0);
    expect(statements.length).toBeLessThanOrEqual(PAGE_STATEMENT_BUDGET);
    counts.push(statements.length);
  }
  console.log(`two-step page: ${counts[0]} statements with 10 records, ${counts[1]} with 1,000`);
  expect(counts[1]).toBe(counts[0]);
});

test("finishing a sign-up reads nothing before the link is checked (a visitor's page)", async () => {
  const { status, statements } = await load("/sign-up/finish", "");
  expect(status).toBe(200);
  console.log(`sign-up finish page: ${statements.length} statements`);
  // Nothing of its own; at most the outage probe a page makes after a quiet spell (server/db/outage.ts).
  expect(statements.filter((line) => !/SELECT 1\b/.test(line))).toHaveLength(0);
});

test("joining a practice reads nothing before the link is checked (a visitor's page)", async () => {
  const { status, statements } = await load("/join", "");
  expect(status).toBe(200);
  console.log(`join page: ${statements.length} statements`);
  // Nothing of its own; at most the outage probe a page makes after a quiet spell (server/db/outage.ts).
  expect(statements.filter((line) => !/SELECT 1\b/.test(line))).toHaveLength(0);
});

test("the offline page reads nothing, signed in or not: the service worker keeps one copy for everyone", async () => {
  const client = await signInOverHttp(app.url, scaleClientEmail("budget10", 1), PASSWORD);
  for (const cookie of ["", client]) {
    const { status, statements } = await load("/offline", cookie);
    expect(status).toBe(200);
    console.log(`offline page (${cookie ? "a client" : "a visitor"}): ${statements.length} statements`);
    // At most the outage probe a page makes after a quiet spell (server/db/outage.ts).
    expect(statements.filter((line) => !/SELECT 1\b/.test(line))).toHaveLength(0);
  }
});
