// Notifications on a person's devices (issue 28, web push): the account page
// says what a push shows, offers "on my devices" only once a device is set
// up (and says how), lists devices by their browser's label, and removes one
// after asking. Turning a browser on needs a real push service (Google's for
// Chromium), which a test can't reach: tests/integration/push.test.ts sends
// to a local stand-in instead.
import { seedClient, TEST_PASSWORD } from "../tests/factories";
import { e2eDb, expect, signedInPage, test } from "./fixtures";

test("a client sees what a push shows, sets up nothing by accident, chooses their devices once one is there, and removes it", async ({ browser }) => {
  const db = e2eDb();
  const clientUser = await seedClient(db, { name: "Pia Phone" });
  const client = await signedInPage(browser, clientUser.email, TEST_PASSWORD);
  await client.goto("/account");

  const devices = client.locator("#devices");
  await expect(devices.getByRole("heading", { name: "Notifications on your devices" })).toBeVisible();
  await expect(devices.getByText("It never shows what anyone wrote.")).toBeVisible();
  await expect(devices.getByText("No device gets notifications yet.")).toBeVisible();
  await expect(devices.getByRole("button", { name: "Turn on notifications on this device" })).toBeVisible();
  // Without a device the form doesn't offer pushes; it says how to get them.
  const reminders = client.getByRole("group", { name: "Homework reminders" });
  await expect(reminders.getByRole("radio", { name: "In Alliance and on my devices" })).toHaveCount(0);
  await expect(client.getByRole("link", { name: "Turn on notifications on this device first" })).toBeVisible();

  await db.pushSubscription.create({
    data: {
      userId: clientUser.id,
      endpoint: `https://fcm.googleapis.com/fcm/send/e2e-${clientUser.id}`,
      p256dh: `B${"A".repeat(86)}`,
      auth: "AAAAAAAAAAAAAAAAAAAAAA",
      label: "Chrome on Android",
    },
  });
  await client.reload();
  await expect(devices.getByRole("listitem").filter({ hasText: "Chrome on Android" })).toContainText("Added");
  await reminders.getByRole("radio", { name: "In Alliance and on my devices" }).check();
  await client.getByRole("button", { name: "Save choices" }).click();
  await expect(client.getByText("Saved. Your choices apply from now on.")).toBeVisible();
  expect(
    await db.notificationPreference.findUnique({ where: { userId_kind: { userId: clientUser.id, kind: "homework_due" } }, select: { channel: true } }),
  ).toEqual({ channel: "push" });

  await devices.getByRole("button", { name: "Remove" }).click();
  const dialog = client.getByRole("dialog", { name: "Remove Chrome on Android?" });
  await dialog.getByRole("button", { name: "Remove" }).click();
  await expect(devices.getByText("No device gets notifications yet.")).toBeVisible();
  expect(await db.pushSubscription.count({ where: { userId: clientUser.id } })).toBe(0);
  // The choice stays, and the form says plainly that it reaches no device for now.
  await expect(client.getByText("no phone or computer is set up for notifications yet")).toBeVisible();

  await client.context().close();
});
