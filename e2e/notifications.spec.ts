// Alliance reaches people between sessions (issue 11), in the app: the bell
// counts what is new without a reload, a notification leads to its record
// and is read once opened, and each person's choices stay as they set them.
import { seedClient, TEST_PASSWORD, seedWorkingPair } from "../tests/factories";
import { e2eDb, expect, signedInPage, test } from "./fixtures";

test("new homework reaches the client's bell live; opening it lands on the homework, which is then read", async ({ browser }) => {
  const db = e2eDb();
  const { therapist: therapistUser, client: clientUser, engagement } = await seedWorkingPair(db, { therapist: "Dr. Bea Ames", client: "Noa Lind" });
  const therapist = await signedInPage(browser, therapistUser.email, TEST_PASSWORD);
  const client = await signedInPage(browser, clientUser.email, TEST_PASSWORD);

  await client.goto("/between-sessions");
  await expect(client.getByRole("link", { name: "Notifications, none unread" })).toBeVisible();

  await therapist.goto(`/clients/${engagement.id}/homework`);
  await therapist.getByRole("button", { name: "Assign homework" }).click();
  await therapist.getByLabel("Title").fill("Notice one good moment");
  await therapist.getByLabel("Instructions").fill("Each evening, write down one moment that went well.");
  await therapist.getByRole("radio", { name: "Every day" }).check();
  await therapist.getByLabel("For how many days").fill("3");
  await therapist.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(therapist.getByRole("list", { name: "Homework" })).toContainText("Notice one good moment");

  // No reload on the client's side: the bell hears it over the live connection.
  const bell = client.getByRole("link", { name: "Notifications, 1 unread" });
  await expect(bell).toBeVisible();
  await bell.click();
  await expect(client).toHaveURL(/\/notifications$/);
  const notifications = client.getByRole("list", { name: "Notifications" });
  await notifications.getByRole("link", { name: /^Unread: New homework from Dr\. Bea Ames/ }).click();

  await expect(client).toHaveURL(/\/homework\/[0-9a-f-]{36}$/);
  await expect(client.getByRole("heading", { name: "Notice one good moment" })).toBeVisible();
  await expect(client.getByRole("link", { name: "Notifications, none unread" })).toBeVisible();
  await client.goto("/notifications");
  await expect(notifications.getByRole("link", { name: /^New homework from Dr\. Bea Ames/ })).toBeVisible();
  await expect(client.getByRole("button", { name: "Mark all as read" })).toBeHidden();

  await therapist.context().close();
  await client.context().close();
});

test("a client turns the homework reminder off, and it stays off after a reload", async ({ browser }) => {
  const db = e2eDb();
  const clientUser = await seedClient(db, { name: "Ira Quiet" });
  const client = await signedInPage(browser, clientUser.email, TEST_PASSWORD);
  await client.goto("/account");

  const reminders = client.getByRole("group", { name: "Homework reminders" });
  await expect(reminders.getByRole("radio", { name: "In Alliance and by e-mail" })).toBeChecked();
  await reminders.getByRole("radio", { name: "Off" }).check();
  // A time inside the default quiet hours (21:00–08:00) would never arrive: said on the field, nothing saved.
  await client.getByLabel("Homework reminder time").fill("07:30");
  await client.getByRole("button", { name: "Save choices" }).click();
  await expect(client.getByText("That's inside your quiet hours, so nothing would arrive.")).toBeVisible();
  expect(await db.notificationPreference.count({ where: { userId: clientUser.id } })).toBe(0);

  await client.getByLabel("Homework reminder time").fill("19:30");
  await client.getByRole("button", { name: "Save choices" }).click();
  await expect(client.getByText("Saved. Your choices apply from now on.")).toBeVisible();

  await client.reload();
  await expect(client.getByRole("group", { name: "Homework reminders" }).getByRole("radio", { name: "Off" })).toBeChecked();
  await expect(client.getByLabel("Homework reminder time")).toHaveValue("19:30");
  // The daily digest is a therapist's; a client is never offered it.
  await expect(client.getByRole("group", { name: "Daily digest" })).toHaveCount(0);
  expect(
    await db.notificationPreference.findUnique({ where: { userId_kind: { userId: clientUser.id, kind: "homework_due" } }, select: { channel: true } }),
  ).toEqual({ channel: "off" });

  await client.context().close();
});
