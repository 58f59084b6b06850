// Every page ships at most PAGE_SCRIPT_BUDGET_BYTES of JavaScript, counted as
// transferred (encoded body bytes; headers shown apart) in the first 5 s of a
// fresh visit, prefetches included, as a real browser downloads it from the production build
// (scripts/lib/page-weight.ts), signed in as the demo therapist or client
// where the page needs it.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../server/auth/demo-accounts";
import { seedDemo } from "../../prisma/seed/demo";
import { seedStarterTemplates } from "../../prisma/seed/starter-templates";
import { formatKb, PAGE_SCRIPT_BUDGET_BYTES, pageScriptWeight, serviceWorkerWeight } from "../../scripts/lib/page-weight";
import { localDateToDb } from "../../lib/homework/schedule";
import { localDay } from "../../lib/time/zones";
import { CLIENT_SECTIONS } from "../../lib/engagements/client-sections";
import { seedConsentedSupervisor } from "./practice-seed";
import { newCluster, sharedServerUrl, startInstance, type TCluster, type TInstance } from "./cluster";

let cluster: TCluster;
let app: TInstance;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  cluster = await newCluster(sharedServerUrl(), "weight");
  await seedStarterTemplates(cluster.db);
  await seedDemo(cluster.db);
  app = await startInstance(cluster, "app");
});

test.afterAll(async () => {
  await app?.stop();
  await cluster?.drop();
});

type TStorage = Awaited<ReturnType<import("@playwright/test").BrowserContext["storageState"]>>;

/** A signed-in browser's cookies, for fresh contexts (empty caches) that need not sign in again. */
async function signedInState(browser: Browser, email: string): Promise<TStorage> {
  const context = await browser.newContext({ baseURL: app.url });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  const state = await context.storageState();
  await context.close();
  return state;
}

/** A supervisor in the demo therapist's practice whom the client agreed to (issue 29): their email and the request. */
async function seedSupervisor(therapistEmail: string, engagementId: string): Promise<{ email: string; requestId: string }> {
  const email = "sue.supervisor@weight.alliance.test";
  const { requestId } = await seedConsentedSupervisor(cluster.db, { therapistEmail, engagementId, supervisorEmail: email, password: DEMO_PASSWORD, practiceName: "Weight practice" });
  return { email, requestId };
}

/** A first visit: a new context, so every script is downloaded. */
async function freshPage(browser: Browser, state: TStorage | undefined): Promise<Page> {
  return (await browser.newContext({ baseURL: app.url, storageState: state })).newPage();
}

/**
 * The exercise form builder of a template of the therapist's own, made as a
 * therapist makes one: "Use and adapt" on a starter exercise (the builder of
 * a starter-library template is a read-only view, not the builder).
 */
async function ownExerciseBuilder(browser: Browser, state: TStorage): Promise<string> {
  const page = await freshPage(browser, state);
  await page.goto("/templates");
  await page.getByRole("button", { name: "Use and adapt: Thought record" }).click();
  await page.waitForURL(/\/templates\/[0-9a-f-]{36}\/form$/);
  const path = new URL(page.url()).pathname;
  await page.context().close();
  return path;
}

test("every page transfers at most 170 KB of JavaScript in its first 5 seconds", async ({ browser }) => {
  test.setTimeout(600_000);
  const therapistEmail = DEMO_ACCOUNTS.find((account) => account.role === "therapist")!.email;
  const clientEmail = "maya@demo.alliance.test";
  const engagement = await cluster.db.engagement.findFirstOrThrow({ where: { client: { email: clientEmail }, status: "active" }, select: { id: true } });
  const session = await cluster.db.therapySession.findFirstOrThrow({ where: { engagementId: engagement.id, status: "scheduled" }, select: { id: true } });
  const goal = await cluster.db.goal.findFirstOrThrow({ where: { engagementId: engagement.id }, select: { id: true } });
  const assignment = await cluster.db.homeworkAssignment.findFirstOrThrow({ where: { engagementId: engagement.id }, select: { id: true } });
  const measure = await cluster.db.measureAssignment.findFirstOrThrow({ where: { engagementId: engagement.id, stoppedAt: null }, select: { id: true } });
  const supervision = await seedSupervisor(therapistEmail, engagement.id);
  const states = {
    visitor: undefined,
    therapist: await signedInState(browser, therapistEmail),
    client: await signedInState(browser, clientEmail),
    supervisor: await signedInState(browser, supervision.email),
  };
  const exerciseBuilder = await ownExerciseBuilder(browser, states.therapist);
  // Maya's thought records (prisma/seed/demo/maya.ts, her exercise with the most entries) and the newest one sent.
  const exercise = await cluster.db.homeworkAssignment.findFirstOrThrow({
    where: { engagementId: engagement.id, formId: { not: null }, entries: { some: { sentAt: { not: null } } } },
    orderBy: { entries: { _count: "desc" } },
    select: { id: true },
  });
  const entry = await cluster.db.exerciseEntry.findFirstOrThrow({ where: { assignmentId: exercise.id, sentAt: { not: null } }, orderBy: { sentAt: "desc" }, select: { occurrenceId: true } });
  // A day not done yet, open on the client's today: the form as the client fills it in.
  const { timeZone } = await cluster.db.user.findUniqueOrThrow({ where: { email: clientEmail }, select: { timeZone: true } });
  const open = await cluster.db.homeworkOccurrence.findFirstOrThrow({
    where: { assignmentId: exercise.id, entry: null, completion: null, opensOn: { lte: localDateToDb(localDay(new Date(), timeZone)) } },
    orderBy: { dueOn: "desc" },
    select: { id: true },
  });
  const entries = `/homework/${exercise.id}/entries`;
  const entryPage = `${entries}/${entry.occurrenceId}`;
  const openEntryPage = `${entries}/${open.id}`;
  const ladder = `/engagements/${engagement.id}/ladder`;
  const conversation = `/messages/${engagement.id}`;
  const safetyPlan = `/engagements/${engagement.id}/safety-plan`;
  // A proposed handover for the client to answer (issue 29); weighed only, so to the same therapist.
  const { therapistId } = await cluster.db.engagement.findUniqueOrThrow({ where: { id: engagement.id }, select: { therapistId: true } });
  const handover = await cluster.db.handover.create({
    data: { fromEngagementId: engagement.id, fromTherapistId: therapistId, toTherapistId: therapistId, proposedById: therapistId },
    select: { id: true },
  });

  const pages: Record<"visitor" | "therapist" | "client" | "supervisor", string[]> = {
    visitor: ["/sign-in", "/sign-up", "/sign-up/finish", "/forgot-password", "/offline", "/join"],
    therapist: [
      "/caseload",
      `/clients/${engagement.id}`,
      `/clients/${engagement.id}/activity`,
      // The client page's parts, each on its own page (lib/engagements/client-sections.ts).
      ...CLIENT_SECTIONS.map((section) => `/clients/${engagement.id}/${section.slug}`),
      `/sessions/${session.id}`,
      `/goals/${goal.id}`,
      `/homework/${assignment.id}`,
      `/engagements/${engagement.id}/review`,
      `/engagements/${engagement.id}/questionnaires`,
      "/templates",
      "/practice",
      exerciseBuilder,
      entries,
      entryPage,
      ladder,
      conversation,
      safetyPlan,
      `/clients/${engagement.id}/hand-over`,
      "/practice/handovers",
      "/notifications",
      "/account",
      "/account/two-step",
      "/privacy",
      // A practice's outcomes: its owner's (a practice of one here), drawn on the server.
      "/practice/outcomes",
    ],
    client: [
      "/between-sessions",
      "/goals",
      "/progress",
      `/sessions/${session.id}`,
      `/goals/${goal.id}`,
      `/homework/${assignment.id}`,
      entries,
      entryPage,
      openEntryPage,
      ladder,
      "/journal",
      // The client's conversations: straight into their one (or a word on what this is, before any).
      "/messages",
      conversation,
      // "My safety plan" in the client's navigation: straight into their plan.
      "/safety-plan",
      safetyPlan,
      `/questionnaires/${measure.id}`,
      `/handovers/${handover.id}`,
      `/engagements/${engagement.id}/questionnaires`,
      "/access-log",
      // Supervision (issue 29): who asks to see the client's records, and their answer.
      "/record-sharing",
      "/account/export",
      "/account",
      "/account/two-step",
      "/privacy",
    ],
    // A supervisor's list and their read-only view of the client's records.
    supervisor: ["/supervision", `/supervision/${supervision.requestId}`],
  };
  const rows: string[] = [];
  const over: string[] = [];
  for (const [who, paths] of Object.entries(pages) as [keyof typeof states, string[]][]) {
    for (const path of paths) {
      const page = await freshPage(browser, states[who]);
      const weight = await pageScriptWeight(page, path);
      await page.context().close();
      expect(weight.status, `${who} ${path}`).toBe(200);
      const label = `${who.padEnd(9)} ${path.replace(/[0-9a-f-]{36}/g, ":id").padEnd(34)}`;
      rows.push(`${label} ${formatKb(weight.bytes).padStart(9)} in ${weight.scripts} scripts (+${formatKb(weight.headerBytes)} headers)`);
      const isOver = weight.bytes > PAGE_SCRIPT_BUDGET_BYTES;
      if (isOver) over.push(`${label} ${formatKb(weight.bytes)}`);
      // What a page over the budget fetched (PAGE_WEIGHT_VERBOSE=1: every page), largest first, and as what.
      if (isOver || process.env.PAGE_WEIGHT_VERBOSE) {
        const largest = [...weight.urls].sort((a, b) => b.bytes - a.bytes);
        rows.push(...largest.map((script) => `    ${formatKb(script.bytes).padStart(9)} ${script.type.padEnd(8)} ${new URL(script.url).pathname}`));
      }
    }
  }
  // The service worker: fetched once when it installs, after the page; reported, not counted.
  const worker = await serviceWorkerWeight(app.url);
  rows.push(`service worker (not in any page's budget) ${formatKb(worker.bytes)} ${worker.encoding} (${formatKb(worker.rawBytes)} uncompressed)`);
  expect(worker.rawBytes).toBeGreaterThan(0);
  console.log(`script per page (encoded bytes transferred in the first 5 s, prefetches included; budget ${formatKb(PAGE_SCRIPT_BUDGET_BYTES)}):\n${rows.join("\n")}`);
  expect(over, "pages over the budget").toEqual([]);
});
