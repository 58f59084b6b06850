// Messages between sessions (issue 25) with two browsers: the therapist at a
// desk, the client on a phone. The therapist turns messages on as reply-only
// and writes; the client, who could not start a thread, sees it arrive live
// and replies; the therapist's bell rises without a reload; the client brings
// the therapist's message to the next session's agenda; once the work ends
// the conversation is readable and closed for both. Then, in a conversation
// open any time: earlier pages, a voice memo sent and withdrawn, the
// therapist's holiday pause and the settings' field errors.
import { fileURLToPath } from "node:url";
import type { Page } from "@playwright/test";
import { sealField } from "../server/crypto/sealed-fields";
import { seedSession, seedWorkingPair, TEST_PASSWORD } from "../tests/factories";
import { e2eDb, expect, signedInOn, test } from "./fixtures";

function messages(page: Page) {
  return page.getByRole("list", { name: "Messages, oldest first" }).getByRole("listitem");
}

/** A tRPC mutation from inside the page, as its own scripts would send it (same origin, JSON). */
async function sendFromPage(page: Page, input: Record<string, unknown>): Promise<number> {
  return page.evaluate(async (body) => {
    const response = await fetch("/api/trpc/message.send", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ json: body }) });
    return response.status;
  }, input);
}

// Each person's context is their own device; the desktop project runs it once.
test("reply-only messages: written by the therapist, seen live and answered on a phone, brought to the agenda, closed when the work ends", { tag: "@desktop-only" }, async ({ browser }) => {
  const db = e2eDb();
  const { therapist: therapistUser, client: clientUser, engagement } = await seedWorkingPair(db, { therapist: "Dr. Omar Quinn", client: "Lea Brandt" });
  const next = await seedSession(db, engagement, { hoursFromNow: 48 });
  const therapist = await signedInOn(browser, "Desktop Chrome", therapistUser.email, TEST_PASSWORD);
  const client = await signedInOn(browser, "Pixel 7", clientUser.email, TEST_PASSWORD);

  // Before anything is on, the client's Messages says what it will be.
  await client.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Messages" }).click();
  await expect(client.getByText("When your therapist turns messages on, you can write to each other here between sessions.")).toBeVisible();

  // The therapist turns messages on for this client, replies to their messages only, with a reply time.
  await therapist.goto(`/clients/${engagement.id}/messages`);
  const panel = therapist.locator("#messages");
  await expect(panel).toContainText("Messages are off.");
  await panel.getByText("Change message settings").click();
  const settings = panel.getByRole("form", { name: "Message settings" });
  await settings.getByLabel("Lea Brandt replies to my messages only").check();
  await settings.getByLabel("When you usually reply").fill("I usually reply within two working days");
  await settings.getByRole("button", { name: "Save message settings" }).click();
  await expect(settings.getByText("Saved. Lea Brandt sees the new rules now.")).toBeVisible();
  await expect(panel).toContainText("Lea Brandt replies to your messages only.");

  // The client's Messages leads straight to the one conversation. Nothing to reply to yet: no box, and the server agrees.
  await client.reload();
  await expect(client).toHaveURL(new RegExp(`/messages/${engagement.id}$`));
  await expect(client.getByRole("heading", { name: "Messages with Dr. Omar Quinn", level: 1 })).toBeVisible();
  await expect(client.getByText("Only you and Dr. Omar Quinn can read these messages.")).toBeVisible();
  await expect(client.getByRole("region", { name: "Not for emergencies" })).toContainText("Messages aren't for emergencies");
  await expect(client.getByText("“I usually reply within two working days”")).toBeVisible();
  await expect(client.getByText("When Dr. Omar Quinn writes, you can reply here.")).toBeVisible();
  await expect(client.getByRole("textbox")).toHaveCount(0);
  await expect(client.getByText("Live: changes appear here as they happen")).toBeVisible();
  expect(await sendFromPage(client, { engagementId: engagement.id, text: "Can I start one?", idempotencyKey: crypto.randomUUID() })).toBe(403);
  expect(await db.message.count({ where: { engagementId: engagement.id } })).toBe(0);

  // The therapist writes from the client's page.
  await panel.getByRole("link", { name: "Open the conversation" }).click();
  await expect(therapist.getByRole("heading", { name: "Messages with Lea Brandt", level: 1 })).toBeVisible();
  await therapist.getByLabel("Your message").fill("How did the walk go this week?");
  await therapist.getByRole("button", { name: "Send" }).click();
  await expect(messages(therapist)).toHaveCount(1);
  await expect(messages(therapist).first()).toContainText("You");

  // The client's open page shows it without a reload, with the box to reply to it (and only that).
  await expect(messages(client)).toHaveCount(1);
  await expect(messages(client).first()).toContainText("Dr. Omar Quinn");
  await expect(messages(client).first()).toContainText("How did the walk go this week?");
  await expect(client.getByText(/^Replying to Dr\. Omar Quinn's message of /)).toBeVisible();
  // Reading it on the open page moves the therapist's "Seen", live too.
  await expect(messages(therapist).first()).toContainText("Seen");

  // A clear count, and a clear error beyond the limit.
  const reply = client.getByLabel("Your reply");
  await reply.fill("x".repeat(5001));
  await expect(client.getByText("5,001 / 5,000")).toBeVisible();
  await expect(client.getByText("Keep a message under 5,000 characters.")).toBeVisible();
  await expect(reply).toHaveAttribute("aria-invalid", "true");

  // The therapist moves on to the caseload; the client replies; the bell rises there without a reload.
  await therapist.goto("/caseload");
  const bell = therapist.getByRole("link", { name: /^Notifications/ });
  await expect(bell).toHaveAccessibleName("Notifications, none unread");
  await reply.fill("It went well: I walked twice, once with my sister.");
  await expect(client.getByText("50 / 5,000")).toBeVisible();
  await client.getByRole("button", { name: "Send" }).click();
  await expect(messages(client)).toHaveCount(2);
  await expect(messages(client).nth(1)).toContainText("It went well");
  await expect(reply).toHaveValue("");
  await expect(bell).toHaveAccessibleName("Notifications, 1 unread");
  await therapist.reload();
  await expect(therapist.getByRole("list", { name: "Clients" })).toContainText("1 new message");

  // The client brings the therapist's message to the next session and finds it there.
  const question = messages(client).filter({ hasText: "How did the walk go this week?" });
  await question.getByRole("button", { name: "Add to next session's agenda" }).click();
  await question.getByRole("link", { name: "On the agenda" }).click();
  await expect(client).toHaveURL(new RegExp(`/sessions/${next.id}$`));
  await expect(client.getByRole("list", { name: "Agenda" }).getByRole("listitem")).toContainText(["How did the walk go this week?"]);
  // The brief says how many messages came since the last session, and leads to them.
  await client.getByRole("link", { name: "2 messages since the last session" }).click();
  await expect(client).toHaveURL(new RegExp(`/messages/${engagement.id}$`));

  // The therapist reads the reply: the message's notification clears (the new agenda item's stays), then ends the work together.
  await expect(bell).toHaveAccessibleName("Notifications, 2 unread");
  await therapist.goto(`/messages/${engagement.id}`);
  await expect(messages(therapist).nth(1)).toContainText("It went well");
  await expect(bell).toHaveAccessibleName("Notifications, 1 unread");
  await therapist.getByRole("link", { name: "← Lea Brandt" }).click();
  await therapist.getByRole("button", { name: "End this work together" }).click();
  await therapist.getByRole("dialog").getByRole("button", { name: "Yes, end it" }).click();
  await expect(therapist.getByText("This work together has ended. Its records are read-only.")).toBeVisible();

  // Read-only for both: the open phone closes its box live; the messages stay.
  const closed = "This work together has ended, so the conversation is closed. You can still read it.";
  await expect(client.getByText(closed)).toBeVisible();
  await expect(client.getByRole("textbox")).toHaveCount(0);
  await expect(client.getByRole("button", { name: "Send" })).toHaveCount(0);
  await expect(messages(client)).toHaveCount(2);
  await therapist.goto(`/messages/${engagement.id}`);
  await expect(therapist.getByText(closed)).toBeVisible();
  await expect(therapist.getByRole("textbox")).toHaveCount(0);
  await expect(messages(therapist)).toHaveText([/How did the walk go this week\?/, /It went well/]);

  await therapist.context().close();
  await client.context().close();
});

test("any time: earlier messages on request, a voice memo sent and withdrawn, a holiday pause seen live, field errors in the settings", { tag: "@desktop-only" }, async ({ browser }) => {
  const db = e2eDb();
  const { therapist: therapistUser, client: clientUser, engagement } = await seedWorkingPair(db, { therapist: "Dr. Ada Moss", client: "Tom Reyes" });
  await db.conversation.create({ data: { engagementId: engagement.id, mode: "open", replyTime: "", updatedAt: new Date() } });
  // 32 earlier messages, a minute apart: one page of 30 and two more.
  const start = Date.now() - 60 * 60_000;
  await db.message.createMany({
    data: Array.from({ length: 32 }, (_, index) => {
      const id = crypto.randomUUID();
      const authorId = index % 2 === 0 ? therapistUser.id : clientUser.id;
      const body = sealField("messageBody", { engagementId: engagement.id, authorId, messageId: id }, `Earlier message ${index + 1}`);
      return { id, engagementId: engagement.id, authorId, body, createdAt: new Date(start + index * 60_000) };
    }),
  });
  const therapist = await signedInOn(browser, "Desktop Chrome", therapistUser.email, TEST_PASSWORD);
  const client = await signedInOn(browser, "Pixel 7", clientUser.email, TEST_PASSWORD);

  // The newest page first, the oldest at the top; the two before it on request.
  await client.goto(`/messages/${engagement.id}`);
  await expect(messages(client)).toHaveCount(30);
  await expect(messages(client).first()).toContainText("Earlier message 3");
  await expect(messages(client).last()).toContainText("Earlier message 32");
  await client.getByRole("button", { name: "Show earlier messages" }).click();
  await expect(messages(client)).toHaveCount(32);
  await expect(messages(client).first()).toContainText("Earlier message 1");
  await expect(client.getByRole("button", { name: "Show earlier messages" })).toHaveCount(0);

  // Any time: the client starts with a voice memo alone (a file from the phone).
  await client.getByRole("button", { name: "Record a voice memo instead" }).click();
  await client.getByLabel("Or choose an audio file").setInputFiles(fileURLToPath(new URL("../tests/fixtures/audio/chromium-opus.webm", import.meta.url)));
  await client.getByRole("button", { name: "Keep this memo" }).click();
  await expect(client.getByText(/Voice memo ready/)).toBeVisible();
  await client.getByRole("button", { name: "Send" }).click();
  await expect(messages(client)).toHaveCount(33);
  const memoMessage = messages(client).last();
  await expect(memoMessage.getByLabel(/^Voice memo, /)).toBeVisible();
  await therapist.goto(`/messages/${engagement.id}`);
  await expect(messages(therapist).last().getByLabel(/^Voice memo, /)).toBeVisible();
  await expect(therapist.getByText("Tom Reyes can write any time.")).toBeVisible();

  // Taken back within five minutes: gone for both, a marker in its place.
  await memoMessage.getByRole("button", { name: "Withdraw" }).click();
  await client.getByRole("dialog", { name: "Withdraw this message?" }).getByRole("button", { name: "Yes, withdraw it" }).click();
  await expect(memoMessage).toContainText("Message withdrawn");
  await expect(memoMessage.getByLabel(/^Voice memo, /)).toHaveCount(0);
  await expect(messages(therapist).last()).toContainText("Message withdrawn");
  expect(await db.voiceMemo.count({ where: { clientId: clientUser.id } })).toBe(0);

  // A holiday: a notice is needed, then the client's open page shows it instead of the box.
  await therapist.goto("/account");
  const pause = therapist.getByRole("form", { name: "Pause messages" });
  await pause.getByLabel("Pause messages for all my clients").check();
  await pause.getByRole("button", { name: "Save" }).click();
  await expect(pause.getByText(/Say in a few words when you'll be back/)).toBeVisible();
  await expect(pause.getByLabel("What your clients see")).toHaveAttribute("aria-invalid", "true");
  await pause.getByLabel("What your clients see").fill("I'm away until 4 January.");
  await pause.getByRole("button", { name: "Save" }).click();
  await expect(pause.getByText("Messages are paused. Your clients see your notice.")).toBeVisible();
  await expect(client.getByText("Dr. Ada Moss has paused messages for now.")).toBeVisible();
  await expect(client.getByText("“I'm away until 4 January.”")).toBeVisible();
  await expect(client.getByRole("textbox")).toHaveCount(0);
  // Back from the holiday: the box returns on the open page.
  await pause.getByLabel("Pause messages for all my clients").uncheck();
  await pause.getByRole("button", { name: "Save" }).click();
  await expect(pause.getByText("Messages are on again.")).toBeVisible();
  await expect(client.getByLabel("Your message")).toBeVisible();

  // The rules' reply time is bounded, said under its field.
  await therapist.goto(`/clients/${engagement.id}/messages`);
  const panel = therapist.locator("#messages");
  await panel.getByText("Change message settings").click();
  const settings = panel.getByRole("form", { name: "Message settings" });
  await settings.getByLabel("When you usually reply").fill("Soon. ".repeat(40));
  await settings.getByRole("button", { name: "Save message settings" }).click();
  await expect(settings.getByText("Keep this under 200 characters.")).toBeVisible();
  await expect(settings.getByLabel("When you usually reply")).toHaveAttribute("aria-invalid", "true");

  await therapist.context().close();
  await client.context().close();
});
