// Supervision with the client's consent (issue 29): a supervisor asks, at a
// desk, to see a colleague's client's records; the client, on a phone, reads
// who, why, what and for how long, and agrees; the supervisor reads the
// client's goals, read-only; the client's access log names the supervisor;
// the client stops sharing and the supervisor's next load is not found.
import { TEST_PASSWORD, seedGoal, seedTherapist, seedWorkingPair } from "../tests/factories";
import { e2eDb, expect, signedInOn, test } from "./fixtures";

test("a supervisor asks, the client agrees on a phone, the supervisor reads the goals, the log shows it, the client withdraws", { tag: "@desktop-only" }, async ({ browser }) => {
  const db = e2eDb();
  const { therapist: clinician, client: clientUser, engagement } = await seedWorkingPair(db, { therapist: "Dr. Ada Ames", client: "Nia Noor" });
  await seedGoal(db, engagement, { title: "Sleep before midnight", steps: ["Phone out of the bedroom"] });
  const supervisorUser = await seedTherapist(db, { name: "Sue Supervisor" });
  await db.practice.create({
    data: {
      name: "Ames Practice",
      members: { create: [{ userId: clinician.id, role: "owner" }, { userId: supervisorUser.id, role: "supervisor" }] },
    },
  });

  // The supervisor, at a desk: "Supervision" in the header; the ask form answers beside each field.
  const supervisor = await signedInOn(browser, "Desktop Chrome", supervisorUser.email, TEST_PASSWORD);
  await supervisor.goto("/caseload");
  await supervisor.getByRole("link", { name: "Supervision" }).click();
  await expect(supervisor.getByRole("heading", { name: "Supervision", level: 1 })).toBeVisible();
  const form = supervisor.getByRole("form", { name: "Ask to see a client's records" });
  await form.getByRole("button", { name: "Ask the client" }).click();
  await expect(form.getByText("Choose a client from the list.")).toBeVisible();
  await form.getByLabel("Client").selectOption({ label: "Nia Noor (with Dr. Ada Ames)" });
  await form.getByLabel("Why you'd like to see their records").fill("I supervise Dr. Ames and would like to help her support you well.");
  await form.getByLabel("For how long").selectOption({ label: "2 weeks" });
  await form.getByRole("button", { name: "Ask the client" }).click();
  await expect(form.getByText("Nia Noor has been asked. Nothing is shared unless they agree.")).toBeVisible();

  // The client, on a phone: a gentle notice on Today, then the question in plain words.
  const client = await signedInOn(browser, "Pixel 7", clientUser.email, TEST_PASSWORD);
  await client.goto("/between-sessions");
  await expect(client.getByText("A supervisor at your therapist's practice asks to see your records.")).toBeVisible();
  await client.getByRole("link", { name: "Read and answer" }).click();
  await expect(client.getByRole("heading", { name: "Sharing your records", level: 1 })).toBeVisible();
  await expect(client.getByText("Sue Supervisor, a supervisor at your therapist's practice. Your therapist is Dr. Ada Ames.")).toBeVisible();
  await expect(client.getByText("I supervise Dr. Ames and would like to help her support you well.")).toBeVisible();
  await expect(client.getByText("your private journal")).toBeVisible();
  await client.getByRole("button", { name: "Agree" }).click();
  await expect(client.getByText("You agreed")).toBeVisible();

  // The supervisor reads the client's goals, read-only, until a date.
  await supervisor.goto("/supervision");
  await supervisor.getByRole("link", { name: "Nia Noor" }).click();
  await expect(supervisor.getByRole("heading", { name: "Nia Noor", level: 1 })).toBeVisible();
  await expect(supervisor.getByText(/Read-only, with the client's agreement/)).toBeVisible();
  await expect(supervisor.getByRole("list", { name: "Goals" })).toContainText("Sleep before midnight");
  await expect(supervisor.getByRole("list", { name: "Goals" })).toContainText("Phone out of the bedroom");
  const viewUrl = supervisor.url();

  // The client's access log names the supervisor.
  await client.goto("/access-log");
  await expect(client.getByRole("list", { name: "Activity, newest first" })).toContainText(
    "Sue Supervisor (supervisor at your therapist's practice) looked at your goals",
  );

  // The client stops sharing: the supervisor's next load is not found.
  await client.goto("/record-sharing");
  await client.getByRole("button", { name: "Stop sharing" }).click();
  await expect(client.getByText("Stopped")).toBeVisible();
  await supervisor.goto(viewUrl);
  await expect(supervisor.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
  await expect(supervisor.getByText("Sleep before midnight")).toHaveCount(0);
});
