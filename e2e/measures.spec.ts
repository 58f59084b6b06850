// Standard measures end to end (issue 15): the therapist asks for PHQ-9
// before every session; the client fills it in on a phone, stopping and
// coming back, answers item 9 with "Several days" and sees the crisis
// resources at once; the therapist sees the urgent flag on the caseload,
// acknowledges it, and sees the trend on its severity bands.
import type { Page } from "@playwright/test";
import { seedSession, TEST_PASSWORD, seedWorkingPair } from "../tests/factories";
import { INSTRUMENTS } from "../lib/measures/instruments";
import { sealAnswers } from "../server/measures/sealing";
import { e2eDb, expect, signedInPage, test } from "./fixtures";

/** The radio for `answer` in the question that starts with the first words of item `index` (0-based). */
function answerIn(page: Page, index: number, answer: string) {
  const start = INSTRUMENTS.phq9.items[index]!.split(" ").slice(0, 4).join(" ");
  return page.getByRole("group", { name: new RegExp(`^${index + 1}\\. ${start}`) }).getByRole("radio", { name: answer, exact: true });
}

test("PHQ-9 before every session: draft kept, item 9 shows crisis resources at once, urgent flag acknowledged, trend on bands", async ({ browser }) => {
  const db = e2eDb();
  const { therapist: therapistUser, client: clientUser, engagement } = await seedWorkingPair(db, { therapist: "Dr. Nell Okafor", client: "Pia Lind" });
  await seedSession(db, engagement, { hoursFromNow: 72 });
  // An answer from a month ago (severe), so the trend has somewhere to come from.
  const earlier = await db.measureAssignment.create({
    data: { engagementId: engagement.id, kind: "phq9", schedule: "once", assignedById: therapistUser.id, stoppedAt: new Date() },
    select: { id: true },
  });
  await db.measureResponse.create({
    data: {
      assignmentId: earlier.id,
      engagementId: engagement.id,
      clientId: clientUser.id,
      kind: "phq9",
      periodKey: "once",
      answers: sealAnswers({ engagementId: engagement.id, assignmentId: earlier.id, periodKey: "once" }, [3, 3, 2, 3, 2, 2, 2, 1, 0]),
      difficulty: 2,
      total: 18,
      completedAt: new Date(Date.now() - 30 * 86_400_000),
    },
  });

  // The therapist asks for PHQ-9 before every session.
  const therapist = await signedInPage(browser, therapistUser.email, TEST_PASSWORD);
  await therapist.goto(`/clients/${engagement.id}/progress`);
  await therapist.getByRole("button", { name: "Ask for a questionnaire" }).click();
  const assign = therapist.getByRole("form", { name: "Ask for a questionnaire" });
  await assign.getByRole("radio", { name: /^PHQ-9/ }).check();
  await assign.getByRole("radio", { name: /^Before every session/ }).check();
  await assign.getByRole("button", { name: "Send the questionnaire" }).click();
  await expect(assign.getByText("PHQ-9 sent to Pia.")).toBeVisible();
  await expect(therapist.getByRole("list", { name: "Questionnaires asked for" })).toContainText("PHQ-9, before every session · waiting to be filled in");

  // The client, on a phone, starts it from their home and stops half-way.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const client = await phone.newPage();
  await client.goto("/sign-in");
  await client.getByLabel("Email").fill(clientUser.email);
  await client.getByLabel("Password").fill(TEST_PASSWORD);
  await client.getByRole("button", { name: "Sign in" }).click();
  await expect(client.getByRole("button", { name: "Sign out" })).toBeVisible();
  await client.goto("/between-sessions");
  await client.getByRole("link", { name: "Start the PHQ-9" }).click();
  await expect(client.getByRole("heading", { name: "PHQ-9", level: 1 })).toBeVisible();
  await expect(client.getByText(INSTRUMENTS.phq9.stem)).toBeVisible();
  const firstAnswers = ["Several days", "More than half the days", "Several days", "Several days"];
  for (const [index, answer] of firstAnswers.entries()) await answerIn(client, index, answer).check();
  await expect(client.getByText("Kept for you: you can stop and come back any time.")).toBeVisible();

  // Back later: the home says "Carry on", and the answers are still there.
  await client.goto("/between-sessions");
  await client.getByRole("link", { name: "Carry on with the PHQ-9" }).click();
  for (const [index, answer] of firstAnswers.entries()) await expect(answerIn(client, index, answer)).toBeChecked();
  for (const index of [4, 5, 6, 7]) await answerIn(client, index, "Not at all").check();

  // Sending with a question unanswered names it.
  await client.getByRole("button", { name: "Send my answers" }).click();
  await expect(client.getByText("A few questions still need an answer. They're marked below.")).toBeVisible();
  await expect(client.getByRole("group", { name: /^9\. Thoughts that you would be better off dead/ })).toContainText("Please choose an answer.");

  // Item 9 above 0: the crisis resources, at once, with plain words about who is told and when.
  await expect(client.getByTestId("safety-message")).toHaveCount(0);
  await answerIn(client, 8, "Several days").check();
  const safety = client.getByTestId("safety-message");
  await expect(safety).toBeVisible();
  await expect(safety).toContainText("Dr. Nell Okafor will be told about this answer");
  await expect(safety).toContainText("Alliance isn't watched in real time");
  await expect(safety.getByRole("status", { name: "If you need help now" })).toContainText("call your local emergency number now");

  await client.getByRole("group", { name: /^If you checked off any problems/ }).getByRole("radio", { name: "Somewhat difficult" }).check();
  await client.getByRole("button", { name: "Send my answers" }).click();
  await expect(client.getByText(/Thank you\. Your answers are with Dr\. Nell Okafor\. Your total is 6 out of 27, in the range called “mild”/)).toBeVisible();
  await expect(client.getByTestId("safety-message")).toBeVisible();

  // The therapist: urgent on the caseload, first in the list.
  await therapist.goto("/caseload");
  const clients = therapist.getByRole("list", { name: "Clients" });
  const row = clients.getByRole("listitem").filter({ hasText: "Pia Lind" });
  await expect(row.getByTestId("urgent-badge")).toHaveText("Urgent: a questionnaire answer needs your follow-up");
  await expect(row).toContainText("PHQ-9 6 · Mild");

  // Acknowledged on the client page; the flag is gone there and on the caseload.
  await row.getByRole("link").first().click();
  const flags = therapist.getByTestId("urgent-flags");
  await expect(flags).toContainText("Pia answered “Several days” to question 9 of the PHQ-9");
  await flags.getByRole("button", { name: "I've seen this and I'm following it up" }).click();
  await expect(therapist.getByTestId("urgent-flags")).toHaveCount(0);
  const acknowledgement = await db.auditEvent.findFirst({
    where: { engagementId: engagement.id, recordType: "measure_flag", action: "acknowledge", actorId: therapistUser.id },
    select: { id: true },
  });
  expect(acknowledgement).not.toBeNull();

  // The trend, one tap away: 18 (moderately severe) to 6 (mild), on the five published bands, the change in words.
  await therapist.getByRole("link", { name: /^Feedback and questionnaires/ }).click();
  const series = therapist.getByTestId("series-phq9");
  await expect(series).toContainText("PHQ-9: 6 of 27, Mild");
  await expect(series.getByTestId("change-phq9")).toHaveText(/^12 points lower than on .*: a reliable improvement\.$/);
  const chart = series.getByRole("img", { name: /PHQ-9 totals, 2 answers; latest 6 of 27 \(Mild\)/ });
  await expect(chart.locator("[data-band]")).toHaveCount(5);
  await expect(chart).toContainText("Moderately severe 15–19");
  await expect(chart.locator("circle")).toHaveCount(2);

  // Question by question, for the therapist only.
  await therapist.getByRole("link", { name: "All answers, question by question" }).click();
  const table = therapist.getByRole("table", { name: "PHQ-9 answers, newest first" });
  await expect(table.getByRole("row").nth(1).getByRole("cell")).toHaveText([/\d{4}$/, "6 of 27", "Mild", "1", "2", "1", "1", "0", "0", "0", "0", "1"]);
  await expect(table.getByRole("row").nth(2).getByRole("cell")).toHaveText([/\d{4}$/, "18 of 27", "Moderately severe", "3", "3", "2", "3", "2", "2", "2", "1", "0"]);
  await therapist.goto("/caseload");
  await expect(therapist.getByRole("list", { name: "Clients" }).getByRole("listitem").filter({ hasText: "Pia Lind" }).getByTestId("urgent-badge")).toHaveCount(0);

  // The client sees totals over time, without the item answers.
  await client.goto(`/engagements/${engagement.id}/questionnaires`);
  await expect(client.getByRole("table", { name: "PHQ-9 answers, newest first" }).getByRole("columnheader")).toHaveText(["Date", "Total", "Range"]);
  await phone.close();
});
