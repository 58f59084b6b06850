// Handing a client over (issue 29): the clinician, at a desk, proposes a
// colleague from the client's page; the client, on a phone, reads in plain
// words what would move and says yes; their home then names the new
// clinician, who finds the client's goals in their own caseload.
import { seedGoal, seedTherapist, seedWorkingPair, TEST_PASSWORD } from "../tests/factories";
import { e2eDb, expect, signedInOn, test } from "./fixtures";

test("a handover accepted by the client shows the new clinician on the client's home", { tag: "@desktop-only" }, async ({ browser }) => {
  const db = e2eDb();
  const { therapist: therapistUser, client: clientUser, engagement } = await seedWorkingPair(db, { therapist: "Dr. Nora Hale", client: "Sam Reed" });
  const colleagueUser = await seedTherapist(db, { name: "Dr. Omar Kent" });
  await db.practice.create({
    data: {
      name: "Hale & Kent",
      members: { create: [{ userId: therapistUser.id, role: "owner" }, { userId: colleagueUser.id, role: "clinician" }] },
    },
  });
  await seedGoal(db, engagement, { title: "Walk to the park on Sundays" });

  // The clinician proposes the colleague from the client's page.
  const therapist = await signedInOn(browser, "Desktop Chrome", therapistUser.email, TEST_PASSWORD);
  await therapist.goto(`/clients/${engagement.id}`);
  await therapist.getByRole("link", { name: "Hand over to a colleague" }).click();
  await expect(therapist.getByRole("heading", { name: /Hand over to a colleague/, level: 1 })).toBeVisible();
  const form = therapist.getByRole("form", { name: "Propose a colleague for Sam Reed" });
  await form.getByLabel("Who would carry on the work").selectOption({ label: "Dr. Omar Kent" });
  await form.getByLabel(/A word to the client/).fill("Omar has evening sessions, which you asked about.");
  await form.getByRole("button", { name: "Propose the handover" }).click();
  await expect(therapist.getByText("Nothing moves until Sam Reed agrees.")).toBeVisible();

  // The client, on a phone, is told on Today and reads what it means before saying yes.
  const client = await signedInOn(browser, "Pixel 7", clientUser.email, TEST_PASSWORD);
  await client.goto("/between-sessions");
  await client.getByRole("link", { name: "Read it and decide" }).click();
  await expect(client.getByRole("heading", { name: "Carry on with Dr. Omar Kent?", level: 1 })).toBeVisible();
  await expect(client.getByText("Omar has evening sessions, which you asked about.")).toBeVisible();
  await expect(client.getByText("Nothing changes unless you say yes.")).toBeVisible();
  await expect(client.getByText("Dr. Nora Hale's private session notes stay private to Dr. Nora Hale.")).toBeVisible();
  await client.getByRole("button", { name: "Yes, carry on with Dr. Omar Kent" }).click();

  // Home: the new clinician's name, and who has the records now.
  await expect(client).toHaveURL(/\/between-sessions$/);
  await expect(client.getByText(/You.re working with/)).toContainText("Dr. Omar Kent");
  await expect(client.getByText(/Your records are now with/)).toContainText("Dr. Omar Kent");

  // The new clinician finds the client and their goals.
  const moved = await db.engagement.findFirstOrThrow({ where: { clientId: clientUser.id, therapistId: colleagueUser.id, status: "active" }, select: { id: true } });
  const colleague = await signedInOn(browser, "Desktop Chrome", colleagueUser.email, TEST_PASSWORD);
  await colleague.goto("/caseload");
  await expect(colleague.getByText("Sam Reed").first()).toBeVisible();
  await colleague.goto(`/clients/${moved.id}/goals`);
  await expect(colleague.getByText("Walk to the park on Sundays").first()).toBeVisible();
});
