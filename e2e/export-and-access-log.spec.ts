// An account is the person's (issue 12): a client takes everything with them,
// as an archive (the record as JSON, a printable copy, their voice memos) and as a page to print, and sees who has looked at their records.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { seedGoal, TEST_PASSWORD, seedWorkingPair } from "../tests/factories";
import { readZip } from "../tests/support/zip";
import { e2eDb, expect, signedInPage, test } from "./fixtures";

test("a client downloads their export, opens the printable copy, and sees their therapist in the access log", async ({ browser }) => {
  const db = e2eDb();
  const { therapist: therapistUser, client: clientUser, engagement } = await seedWorkingPair(db, { therapist: "Dr. Rhea Stone", client: "Jo Marsh" });
  await seedGoal(db, engagement, { title: "Walk to work twice a week" });
  const client = await signedInPage(browser, clientUser.email, TEST_PASSWORD);
  const therapist = await signedInPage(browser, therapistUser.email, TEST_PASSWORD);
  const privateText = `A private thought ${randomUUID()}`;

  await client.goto("/journal");
  await client.getByLabel("Write something").fill(privateText);
  await client.getByRole("button", { name: "Save entry" }).click();
  await expect(client.getByText("Saved. Only you can see it.")).toBeVisible();

  // The therapist opens the client's page: that reads their goals, homework and sessions.
  await therapist.goto(`/clients/${engagement.id}`);
  await expect(therapist.getByRole("heading", { name: "Jo Marsh" })).toBeVisible();
  await therapist.getByRole("link", { name: /^Goals/ }).click();
  await expect(therapist.getByText("Walk to work twice a week").first()).toBeVisible();

  // The archive: the JSON, a printable copy and any voice memos.
  await client.goto("/account");
  const downloading = client.waitForEvent("download");
  await client.getByRole("link", { name: /^Download everything \(\.zip/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^alliance-export-\d{4}-\d{2}-\d{2}\.zip$/);
  const archive = await readZip(await readFile((await download.path())!));
  expect(archive.get("alliance-export.html")?.bytes.toString("utf8")).toContain(privateText);
  const exported = JSON.parse(archive.get("alliance-export.json")!.bytes.toString("utf8"));
  expect(exported.format).toBe("alliance-client-export");
  expect(exported.version).toBe(1);
  expect(JSON.stringify(exported.journal)).toContain(privateText);
  expect(JSON.stringify(exported.engagements)).toContain("Walk to work twice a week");

  // The printable page.
  await client.getByRole("link", { name: "Open a copy you can print" }).click();
  await expect(client).toHaveURL(/\/account\/export$/);
  await expect(client.getByRole("heading", { name: "Everything Alliance holds about you" })).toBeVisible();
  await expect(client.getByRole("heading", { name: "With Dr. Rhea Stone" })).toBeVisible();
  await expect(client.getByText(privateText)).toBeVisible();
  await expect(client.getByRole("button", { name: "Print or save as PDF" })).toBeVisible();
  await client.emulateMedia({ media: "print" });
  await expect(client.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(client.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
  await client.emulateMedia({ media: "screen" });

  // Who has looked.
  await client.goto("/account");
  await client.getByRole("link", { name: "Who has looked at your records" }).click();
  await expect(client).toHaveURL(/\/access-log$/);
  const log = client.getByRole("list", { name: "Activity, newest first" });
  await expect(log.getByRole("listitem").filter({ hasText: "Dr. Rhea Stone looked at your goals" }).first()).toBeVisible();
  await expect(log).not.toContainText("Jo Marsh");

  await therapist.context().close();
  await client.context().close();
});

test("a therapist downloads one client's record from the client's page", async ({ browser }) => {
  const db = e2eDb();
  const { therapist: therapistUser, engagement } = await seedWorkingPair(db, { therapist: "Dr. Omar Vale", client: "Kit Rowe" });
  const therapist = await signedInPage(browser, therapistUser.email, TEST_PASSWORD);

  await therapist.goto(`/clients/${engagement.id}`);
  const downloading = therapist.waitForEvent("download");
  await therapist.getByRole("link", { name: "Download this client's record (JSON)" }).click();
  const exported = JSON.parse(await readFile((await (await downloading).path())!, "utf8"));
  expect(exported.format).toBe("alliance-engagement-export");
  expect(exported.engagement.client.name).toBe("Kit Rowe");

  await therapist.getByRole("link", { name: "Your activity on this record" }).click();
  await expect(therapist.getByRole("heading", { name: "Your activity on Kit Rowe's records" })).toBeVisible();
  await expect(therapist.getByRole("list", { name: "Activity, newest first" })).toContainText("Downloaded a copy of their whole record");

  await therapist.context().close();
});
