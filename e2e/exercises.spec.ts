// Structured exercises end to end (issue 23): the therapist assigns their own
// thought record (made from the starter) every day; the client, on a phone,
// skips yesterday's with what got in the way, fills today's in, reloads
// half-way and finds the draft, is shown the one required answer still
// missing, and sends it; the therapist, who saw nothing while it was a
// draft, reads it in the table and the belief before/after chart, notes how
// the skill went and replies; the client reads both. A dropped connection
// while typing is said plainly and recovers on the next keystroke.
import { addDays } from "../lib/time/days";
import { localDay } from "../lib/time/zones";
import { createFromStarter } from "../server/homework/templates";
import { seedSession, seedWorkingPair, TEST_PASSWORD } from "../tests/factories";
import { e2eDb, expect, signedInOn, signedInPage, test } from "./fixtures";

// The client's context is a phone and the therapist's a desk in one run: the desktop project runs it.
test("a thought record on a phone: draft kept, a missing answer shown first, sent, read back in a table and a before/after chart, counted in the brief, noted and replied to", { tag: "@desktop-only" }, async ({
  browser,
}) => {
  const db = e2eDb();
  const { therapist: therapistUser, client: clientUser, engagement } = await seedWorkingPair(db, { therapist: "Dr. Ines Marlow", client: "Theo Brandt" });
  // The therapist's own copy of the starter thought record (what "Start from an exercise" on the templates page makes).
  await createFromStarter(db, therapistUser, "thought_record");
  // Their next session, two days from now: its brief will count what is sent.
  const nextSession = await seedSession(db, { id: engagement.id, therapistId: therapistUser.id, clientId: clientUser.id }, { hoursFromNow: 48 });

  // The therapist assigns it every day, from yesterday.
  const therapist = await signedInPage(browser, therapistUser.email, TEST_PASSWORD);
  await therapist.goto(`/clients/${engagement.id}/homework`);
  await therapist.getByRole("button", { name: "Assign homework" }).click();
  await therapist.getByLabel("Start from a template").selectOption({ label: "Thought record · exercise form" });
  await expect(therapist.getByLabel("Title")).toHaveValue("Thought record");
  await expect(therapist.getByRole("radio", { name: "Every day" })).toBeChecked();
  await therapist.getByLabel("Starts on (optional)").fill(addDays(localDay(new Date(), clientUser.timeZone), -1));
  await therapist.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(therapist.getByRole("list", { name: "Homework" })).toContainText("Thought record");
  const assignment = await db.homeworkAssignment.findFirstOrThrow({ where: { engagementId: engagement.id }, select: { id: true } });

  // The client, on a phone, opens it from their home.
  const client = await signedInOn(browser, "Pixel 7", clientUser.email, TEST_PASSWORD);
  const phone = client.context();
  await client.goto("/between-sessions");
  // The to-do list opens the oldest open day straight at its form; the way back leads to all the days.
  await client.getByRole("list", { name: "For today" }).getByRole("link").first().click();
  await expect(client).toHaveURL(new RegExp(`/homework/${assignment.id}/entries/[0-9a-f-]{36}$`));
  await expect(client.getByRole("heading", { name: "Thought record", level: 1 })).toBeVisible();
  await client.getByRole("link", { name: "← Thought record" }).click();
  await expect(client).toHaveURL(new RegExp(`/homework/${assignment.id}$`));

  // Yesterday's didn't happen: the "what got in the way" path works for an exercise too.
  const days = client.getByRole("list", { name: "Occurrences" }).getByRole("listitem");
  const yesterday = days.nth(0);
  await yesterday.getByText("Didn't get to it?").click();
  await yesterday.getByLabel("What got in the way? (optional)").fill("A long day at the hospital with my dad.");
  await yesterday.getByRole("button", { name: "Save" }).click();
  await expect(yesterday.getByText("What got in the way: A long day at the hospital with my dad.")).toBeVisible();

  // Today's: the form, private until sent.
  await days.nth(1).getByRole("link", { name: /^Fill it in/ }).click();
  await expect(client.getByText("Private until you send it: Dr. Ines Marlow sees this only once you send it.")).toBeVisible();
  const entryUrl = client.url();
  await client.getByLabel("What was happening?").fill("Presenting the budget to the team");
  await client.getByLabel("How much did you believe it then?, as a number from 0 to 100").fill("80");
  await expect(client.getByText("Kept for you: you can stop and come back any time.")).toBeVisible();
  // Typing is kept after a pause, without anything else touched.
  await client.getByLabel("Feeling", { exact: true }).fill("Embarrassed");
  await expect(client.getByText("Saving…")).toBeVisible();
  await expect(client.getByText("Kept for you: you can stop and come back any time.")).toBeVisible();

  // The therapist sees nothing of a draft.
  await therapist.goto(entryUrl);
  await expect(therapist.getByText("Nothing sent for this day yet.")).toBeVisible();
  await expect(therapist.getByText("Presenting the budget")).toHaveCount(0);

  // Back later: the draft is there.
  await client.reload();
  await expect(client.getByLabel("What was happening?")).toHaveValue("Presenting the budget to the team");
  await expect(client.getByLabel("How much did you believe it then?, as a number from 0 to 100")).toHaveValue("80");
  await expect(client.getByLabel("Feeling", { exact: true })).toHaveValue("Embarrassed");

  // The connection drops while typing: said plainly, and kept once it is back and they type again.
  await phone.setOffline(true);
  await client.getByLabel("What doesn't fit with it? (optional)").fill("Two people asked");
  await expect(client.getByText("We couldn't keep your last change. Please check your connection; it will try again when you type.")).toBeVisible();
  await phone.setOffline(false);
  await client.getByLabel("What doesn't fit with it? (optional)").fill("Two people asked good questions afterwards.");
  await expect(client.getByText("Kept for you: you can stop and come back any time.")).toBeVisible();

  // Finishing, but the thought itself is still missing: named at the top and under its field, nothing sent.
  await client.getByLabel("How strong (0–100), as a number from 0 to 100").fill("70");
  await client.getByLabel("How much do you believe the first thought now?, as a number from 0 to 100").fill("40");
  await client.getByRole("button", { name: "Send to Dr. Ines Marlow" }).click();
  const summary = client.getByRole("alert").filter({ hasText: "A few answers need another look." });
  await expect(summary).toContainText("A few answers need another look. They're marked below.");
  await expect(summary).toContainText("What went through your mind?: This one needs an answer.");
  await expect(client.getByLabel("What went through your mind?")).toHaveAccessibleDescription(/This one needs an answer\./);

  await client.getByLabel("What went through your mind?").fill("They'll see I don't know what I'm doing.");
  await expect(client.getByLabel("What went through your mind?")).not.toHaveAccessibleDescription(/This one needs an answer\./);
  await client.getByRole("button", { name: "Send to Dr. Ines Marlow" }).click();
  await expect(client.getByText("Thank you for taking the time. It's with Dr. Ines Marlow now")).toBeVisible();
  const answers = client.getByTestId("entry-answers");
  await expect(answers).toContainText("They'll see I don't know what I'm doing.");
  await expect(answers).toContainText("Embarrassed · 70 / 100");
  await expect(answers).toContainText("80 / 100");

  // The therapist: the entries table and the belief chart, one chart with both lines.
  await therapist.goto(`/homework/${assignment.id}`);
  await expect(therapist.getByText("Form version 1")).toBeVisible();
  await therapist.getByRole("link", { name: "All entries and charts" }).click();
  await expect(therapist.getByRole("heading", { name: "Thought record: all entries" })).toBeVisible();
  const table = therapist.getByRole("region", { name: /Entries sent, newest first/ });
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table).toContainText("Presenting the budget to the team");
  await expect(table).toContainText("Embarrassed · 70 / 100");
  const beliefChart = therapist.getByRole("img", { name: /^Belief: before and after/ });
  await expect(beliefChart).toBeVisible();
  const beliefSection = therapist.locator('[data-chart="belief"]');
  await expect(beliefSection.getByRole("listitem")).toHaveText(["Before", "After"]);
  await beliefSection.getByText("Show as a table").click();
  await expect(beliefSection.getByRole("table")).toContainText("80");
  await expect(beliefSection.getByRole("table")).toContainText("40");

  // The brief of the next session counts it in one line, and sending put "homework review" on its agenda.
  await therapist.goto(`/sessions/${nextSession.id}`);
  await expect(therapist.getByRole("link", { name: "Thought record: 1 done; belief fell from 80 to 40 on average" })).toBeVisible();
  await expect(therapist.getByText("Going over my exercises since last time")).toBeVisible();
  await therapist.goto(`/homework/${assignment.id}/entries`);

  // The entry: a note on how the skill went, and a reply.
  await table.getByRole("link").first().click();
  await expect(therapist.getByRole("heading", { name: "What Theo Brandt sent" })).toBeVisible();
  await therapist.getByRole("radio", { name: "Getting the hang of it" }).check();
  await therapist.getByRole("button", { name: "Save note" }).click();
  await expect(therapist.getByText("Your note: Getting the hang of it")).toBeVisible();
  await therapist.getByLabel("Reply").fill("Good catch on the questions afterwards. Let's look at that together.");
  await therapist.getByRole("button", { name: "Send reply" }).click();
  await expect(therapist.getByText("Your reply: Good catch on the questions afterwards.")).toBeVisible();

  // The client reads both with the entry.
  await client.reload();
  await expect(client.getByText("Dr. Ines Marlow's note: Getting the hang of it")).toBeVisible();
  await expect(client.getByText("Dr. Ines Marlow: Good catch on the questions afterwards.")).toBeVisible();
  // A phone never scrolls sideways, the entries table included.
  await client.goto(`/homework/${assignment.id}/entries`);
  await expect(client.getByRole("region", { name: /Entries sent, newest first/ })).toBeVisible();
  // (A page wider than the phone widens the layout viewport itself, so compare with the device's width.)
  expect(await client.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(client.viewportSize()!.width);

  await therapist.context().close();
  await phone.close();
});
