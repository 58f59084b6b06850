import { addDays } from "../lib/time/days";
import { localDay } from "../lib/time/zones";
import { seedClient, seedEngagement, seedGoal, seedTherapist, TEST_PASSWORD } from "../tests/factories";
import { e2eDb, expect, signedInPage, test } from "./fixtures";

test("therapist assigns from a template; client records one day and skips another; replies go both ways", async ({
  browser,
}) => {
  const db = e2eDb();
  const therapistUser = await seedTherapist(db, { name: "Dr. June Aldana" });
  const clientUser = await seedClient(db, { name: "Omar Reyes", timeZone: "Europe/London" });
  const engagement = await seedEngagement(db, { therapistId: therapistUser.id, clientId: clientUser.id });
  await seedGoal(db, engagement, { title: "Calmer mornings" });
  const therapist = await signedInPage(browser, therapistUser.email, TEST_PASSWORD);
  const client = await signedInPage(browser, clientUser.email, TEST_PASSWORD);

  // Assign the starter breathing practice, every day, linked to the goal, starting yesterday.
  await therapist.goto(`/clients/${engagement.id}/homework`);
  await therapist.getByRole("button", { name: "Assign homework" }).click();
  await therapist.getByLabel("Start from a template").selectOption({ label: "Ten minutes of slow breathing (starter)" });
  await expect(therapist.getByLabel("Title")).toHaveValue("Ten minutes of slow breathing");
  await expect(therapist.getByRole("radio", { name: "Every day" })).toBeChecked();
  await therapist.getByLabel("For how many days").fill("5");
  await therapist.getByLabel("Helps with goal (optional)").selectOption({ label: "Calmer mornings" });
  await therapist.getByLabel("Starts on (optional)").fill(addDays(localDay(new Date(), "Europe/London"), -1));
  await therapist.getByRole("button", { name: "Assign", exact: true }).click();
  const homeworkList = therapist.getByRole("list", { name: "Homework" });
  await expect(homeworkList).toContainText("Ten minutes of slow breathing");
  await expect(homeworkList).toContainText("Every day for 5 days");

  // The client sees yesterday's (still open) and today's, and records both.
  await client.goto("/between-sessions");
  const todo = client.getByRole("list", { name: "For today" });
  await expect(todo.getByRole("link")).toHaveCount(2);
  await expect(todo).toContainText("you can still record it");
  await expect(todo).toContainText("For today");
  await todo.getByRole("link").first().click();
  await expect(client.getByRole("heading", { name: "Ten minutes of slow breathing" })).toBeVisible();
  await expect(client.getByRole("link", { name: "Calmer mornings" })).toBeVisible();

  const days = client.getByRole("list", { name: "Occurrences" }).getByRole("listitem");
  const first = days.nth(0);
  await first.getByLabel("What did you notice? (optional)").fill("My shoulders dropped after the third minute.");
  await first.locator("label").filter({ has: client.getByRole("radio", { name: "How helpful did it feel?: 3 of 4" }) }).click();
  await first.getByRole("button", { name: "Save" }).click();
  await expect(first.getByText("My shoulders dropped after the third minute.")).toBeVisible();

  const second = days.nth(1);
  await second.getByRole("radio", { name: "Didn't get to it" }).check();
  await second.getByLabel("What got in the way? (optional)").fill("Early train, no quiet moment.");
  await second.getByRole("button", { name: "Save" }).click();
  await expect(second.getByText("What got in the way: Early train, no quiet moment.")).toBeVisible();

  // The therapist sees both and replies to the first.
  await therapist.getByRole("link", { name: /Ten minutes of slow breathing/ }).click();
  const responses = therapist.getByRole("list", { name: "Occurrences" });
  await expect(responses).toContainText("My shoulders dropped after the third minute.");
  await expect(responses).toContainText("Early train, no quiet moment.");
  const recorded = responses.getByRole("listitem").filter({ hasText: "My shoulders dropped" });
  await recorded.getByLabel("Reply").fill("Lovely noticing. Try it on the train tomorrow?");
  await recorded.getByRole("button", { name: "Send reply" }).click();
  await expect(recorded.getByText("Your reply: Lovely noticing. Try it on the train tomorrow?")).toBeVisible();

  // The therapist rewords it; what was recorded stays.
  await therapist.getByRole("button", { name: "Edit wording or goal" }).click();
  await therapist.getByLabel("Title").fill("Slow breathing, ten minutes");
  await therapist.getByRole("button", { name: "Save changes" }).click();
  await expect(therapist.getByRole("heading", { name: "Slow breathing, ten minutes" })).toBeVisible();
  await expect(responses).toContainText("My shoulders dropped after the third minute.");

  // The client sees the reply, and nothing is left "to do" for those two days.
  await client.reload();
  await expect(client.getByText("Dr. June Aldana: Lovely noticing. Try it on the train tomorrow?")).toBeVisible();
  await client.goto("/between-sessions");
  await expect(client.getByText("Nothing to do right now.")).toBeVisible();

  // The caseload counts this week's homework.
  await therapist.goto("/caseload");
  await expect(therapist.getByRole("list", { name: "Clients" })).toContainText("Homework this week: 1 of 2 done");

  await therapist.context().close();
  await client.context().close();
});
