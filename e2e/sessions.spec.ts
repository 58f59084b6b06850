import { randomUUID } from "node:crypto";
import { seedSession, TEST_PASSWORD, seedWorkingPair } from "../tests/factories";
import { e2eDb, expect, signedInPage, test } from "./fixtures";

test("client prepares, both run the session live, the private note stays private, nothing raised is lost", async ({
  browser,
}) => {
  const db = e2eDb();
  const { therapist: therapistUser, client: clientUser, engagement } = await seedWorkingPair(db, { therapist: "Dr. Lena Fox", client: "Ravi Shah" });
  const current = await seedSession(db, engagement, { hoursFromNow: 2 });
  const following = await seedSession(db, engagement, { hoursFromNow: 24 * 7 });
  const therapist = await signedInPage(browser, therapistUser.email, TEST_PASSWORD);
  const client = await signedInPage(browser, clientUser.email, TEST_PASSWORD);

  // The client prepares: a conversation starter, an item of their own, and a new order.
  await client.goto("/between-sessions");
  await client.getByRole("link", { name: "Prepare for your next session" }).click();
  await expect(client).toHaveURL(new RegExp(`/sessions/${current.id}$`));
  await client.getByRole("button", { name: "There's a topic I've been avoiding, but I think it's important." }).click();
  await expect(client.getByLabel("Add to the agenda")).toHaveValue("There's a topic I've been avoiding, but I think it's important.");
  await client.getByRole("button", { name: "Add to agenda" }).click();
  const agenda = client.getByRole("list", { name: "Agenda" });
  await expect(agenda.getByRole("listitem")).toHaveCount(1);
  await client.getByLabel("Add to the agenda").fill("Sleep has been rough this week");
  await client.getByRole("button", { name: "Add to agenda" }).click();
  await expect(agenda.getByRole("listitem")).toHaveCount(2);
  await client.getByRole("button", { name: 'Move "Sleep has been rough this week" up' }).click();
  await expect(agenda.getByRole("listitem").first()).toContainText("Sleep has been rough this week");

  // The therapist sees the count on the caseload and opens the brief.
  await therapist.goto("/caseload");
  await expect(therapist.getByRole("list", { name: "Clients" })).toContainText("2 new agenda items");
  await therapist.getByRole("link", { name: /Ravi Shah/ }).click();
  await therapist.getByRole("link", { name: /open the brief/ }).click();
  const therapistAgenda = therapist.getByRole("list", { name: "Agenda" });
  await expect(therapistAgenda.getByRole("listitem").first()).toContainText("Sleep has been rough this week");

  // Live: the therapist marks an item discussed; the client's open page updates without a reload.
  await expect(client.getByText("Live: changes appear here as they happen")).toBeVisible();
  await therapistAgenda
    .getByRole("listitem")
    .filter({ hasText: "Sleep has been rough" })
    .getByRole("button", { name: "Mark discussed" })
    .click();
  await expect(agenda.getByRole("listitem").filter({ hasText: "Sleep has been rough" })).toContainText("Discussed", {
    timeout: 5_000,
  });

  // Notes: the summary is shared, the private note never reaches the client's page.
  const canary = `CANARY-PRIVATE-${randomUUID()}`;
  const privateNote = therapist.getByRole("region", { name: "Private note" });
  await privateNote.getByRole("textbox", { name: "Private note" }).fill(canary);
  await privateNote.getByRole("button", { name: "Save" }).click();
  await expect(privateNote.getByText("Saved.")).toBeVisible();
  const summary = therapist.getByRole("region", { name: "Summary" });
  await summary.getByRole("textbox", { name: "Summary" }).fill("We named what has been hard and planned one small step.");
  await summary.getByRole("button", { name: "Save" }).click();
  await expect(client.getByText("We named what has been hard and planned one small step.")).toBeVisible();
  await client.reload();
  expect(await client.content()).not.toContain(canary);
  const rsc = await client.request.get(`/sessions/${current.id}`, { headers: { RSC: "1" } });
  expect(await rsc.text()).not.toContain(canary);

  // A calendar file for the session.
  const ics = await client.request.get(`/api/sessions/${current.id}/ics`);
  expect(ics.status()).toBe(200);
  expect(ics.headers()["content-type"]).toContain("text/calendar");
  expect(await ics.text()).toContain("BEGIN:VCALENDAR");

  // Completing the session carries the undiscussed item to the next one.
  await therapist.getByRole("button", { name: "Mark session completed" }).click();
  await therapist.getByRole("dialog").getByRole("button", { name: "Yes, completed" }).click();
  await expect(therapist.getByText(/· Completed/)).toBeVisible();
  await client.goto(`/sessions/${following.id}`);
  const next = client.getByRole("list", { name: "Agenda" }).getByRole("listitem");
  await expect(next).toHaveCount(1);
  await expect(next.first()).toContainText("There's a topic I've been avoiding");
  await expect(next.first()).toContainText("carried over");

  await therapist.context().close();
  await client.context().close();
});
