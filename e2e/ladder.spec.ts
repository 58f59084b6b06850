// The exposure ladder (issue 23): the client, on a phone, builds a ladder of
// three situations and moves one by changing its expected anxiety; the
// therapist, on a desktop, finds the same ladder from the client page, with a
// practice's figures and its chart; once the work ends, the ladder is read-only.
import type { Page } from "@playwright/test";
import { sealField } from "../server/crypto/sealed-fields";
import { newRowId } from "../server/db/ids";
import { sealDefinition } from "../server/exercises/forms";
import { sealAssignmentText } from "../server/homework/sealing";
import { ZExerciseFormSchema } from "../lib/exercises/form-definition";
import { STARTER_EXERCISES } from "../lib/exercises/starters";
import { TEST_PASSWORD, seedWorkingPair } from "../tests/factories";
import { e2eDb, expect, signedInOn, test } from "./fixtures";

async function addStep(page: Page, text: string, anxiety: string) {
  const form = page.getByRole("form", { name: "Add a step" });
  await form.getByLabel("The situation").fill(text);
  await form.getByLabel(/How anxious do you expect to feel/).fill(anxiety);
  await form.getByRole("button", { name: "Add step" }).click();
  await expect(page.getByRole("list", { name: "Steps, easiest first" })).toContainText(text);
  await expect(form.getByLabel("The situation")).toHaveValue("");
}

const steps = (page: Page) => page.getByRole("list", { name: "Steps, easiest first" }).getByRole("listitem");

/** A sent "Facing a step on your ladder" entry for one step, as the app writes one (the entry page is another spec's). */
async function sendPractice(engagement: { id: string; therapistId: string; clientId: string | null }, stepId: string) {
  const db = e2eDb();
  const starter = STARTER_EXERCISES.find((candidate) => candidate.key === "exposure_practice")!;
  const formId = newRowId();
  await db.exerciseForm.create({ data: { id: formId, version: 1, definition: sealDefinition(formId, ZExerciseFormSchema.parse({ fields: starter.fields })) } });
  const assignmentId = newRowId();
  const today = new Date(new Date().toISOString().slice(0, 10));
  const { occurrences } = await db.homeworkAssignment.create({
    data: {
      id: assignmentId,
      engagementId: engagement.id,
      assignedById: engagement.therapistId,
      formId,
      ...sealAssignmentText({ engagementId: engagement.id, assignmentId }, { title: starter.title, instructions: starter.instructions }),
      kind: "worksheet",
      schedule: "once",
      startsOn: today,
      endsOn: today,
      occurrences: { create: { opensOn: today, dueOn: today } },
    },
    select: { occurrences: { select: { id: true } } },
  });
  const occurrenceId = occurrences[0]!.id;
  const answers = { step: stepId, anxiety_before: 50, anxiety_peak: 70, anxiety_after: 30 };
  await db.exerciseEntry.create({
    data: {
      occurrenceId,
      assignmentId,
      engagementId: engagement.id,
      clientId: engagement.clientId!,
      formId,
      answers: sealField("exerciseAnswers", { occurrenceId, formId }, JSON.stringify(answers)),
      sentAt: new Date(),
    },
  });
}

// Each person's context is their own device; the desktop project runs it once.
test("the client builds a ladder on a phone and reorders it; the therapist sees it on a desktop; it is read-only once the work ends", { tag: "@desktop-only" }, async ({ browser }) => {
  const db = e2eDb();
  const { therapist: therapistUser, client: clientUser, engagement } = await seedWorkingPair(db, { therapist: "Dr. Ines Ward", client: "Rafa Lind" });

  // The client finds the ladder from their home; it says what a ladder is.
  const client = await signedInOn(browser, "Pixel 7", clientUser.email, TEST_PASSWORD);
  await client.goto("/between-sessions");
  await client.getByRole("link", { name: "Your ladder" }).click();
  await expect(client.getByRole("heading", { name: "Your ladder", level: 1 })).toBeVisible();
  await expect(client.getByText(/ranked from easiest to hardest\. You practise from the bottom up, at your own pace/)).toBeVisible();
  await expect(client.getByText(/No steps yet/)).toBeVisible();

  // A step without a number is explained, not saved as 0.
  const add = client.getByRole("form", { name: "Add a step" });
  await add.getByLabel("The situation").fill("Say hello to a neighbour");
  await add.getByRole("button", { name: "Add step" }).click();
  await expect(add.getByText("Give a number from 0 to 100.")).toBeVisible();

  // Three steps, each placed by its expected anxiety.
  await addStep(client, "Say hello to a neighbour", "30");
  await addStep(client, "Phone the surgery to book an appointment", "60");
  await addStep(client, "Go to the supermarket at a busy time", "45");
  await expect(steps(client)).toHaveText([/^Say hello to a neighbour/, /^Go to the supermarket/, /^Phone the surgery/]);
  await expect(steps(client).first()).toContainText("Expected anxiety: 30 out of 100");
  await expect(steps(client).first()).toContainText("Not practised yet.");

  // The phone call turns out to be the easiest: changing its number moves it to the bottom of the ladder.
  await client.getByRole("button", { name: "Change “Phone the surgery to book an appointment”" }).click();
  const change = client.getByRole("form", { name: "Change “Phone the surgery to book an appointment”" });
  await expect(change.getByLabel("The situation")).toBeFocused();
  await change.getByLabel(/How anxious do you expect to feel/).fill("20");
  await change.getByRole("button", { name: "Save step" }).click();
  await expect(steps(client)).toHaveText([/^Phone the surgery/, /^Say hello to a neighbour/, /^Go to the supermarket/]);
  await expect(steps(client).first()).toContainText("Expected anxiety: 20 out of 100");

  // A fourth, removed again after a word about what is kept.
  await addStep(client, "Take the bus into town", "80");
  await steps(client).filter({ hasText: "Take the bus into town" }).getByRole("button", { name: "Remove" }).click();
  const dialog = client.getByRole("dialog", { name: "Remove “Take the bus into town” from the ladder?" });
  await expect(dialog).toContainText("Any exercises that named this step are kept.");
  await dialog.getByRole("button", { name: "Yes, remove it" }).click();
  await expect(steps(client)).toHaveCount(3);

  // A practice of the supermarket step arrives (sent from its exercise).
  const supermarket = await db.ladderStep.findFirstOrThrow({ where: { engagementId: engagement.id, expectedAnxiety: 45 }, select: { id: true } });
  await sendPractice(engagement, supermarket.id);

  // The therapist, on a desktop, opens the ladder from the client page and sees the same steps and the practice.
  const therapist = await signedInOn(browser, "Desktop Chrome", therapistUser.email, TEST_PASSWORD);
  await therapist.goto(`/clients/${engagement.id}`);
  await therapist.getByRole("link", { name: /^Ladder/ }).click();
  await expect(therapist.getByRole("heading", { name: "Rafa Lind's ladder", level: 1 })).toBeVisible();
  await expect(steps(therapist)).toHaveText([/^Phone the surgery/, /^Say hello to a neighbour/, /^Go to the supermarket/]);
  await expect(steps(therapist).nth(2)).toContainText("Practised once. Last time: 50 just before, 70 at its highest, 30 at the end.");
  await expect(therapist.getByRole("img", { name: /Highest anxiety when practising “Go to the supermarket at a busy time”/ })).toBeVisible();
  await therapist.getByText("Show as a table").click();
  await expect(therapist.getByRole("table").getByRole("row").nth(1)).toContainText(/50\s*70\s*30/);

  // Once the work together has ended, both read it and nobody changes it.
  await db.engagement.update({ where: { id: engagement.id }, data: { status: "ended", endedAt: new Date() } });
  await client.reload();
  await expect(client.getByText("This work together has ended, so the ladder is read-only.")).toBeVisible();
  await expect(steps(client)).toHaveCount(3);
  await expect(client.getByRole("form", { name: "Add a step" })).toHaveCount(0);
  await expect(client.getByRole("button", { name: /^Change/ })).toHaveCount(0);
});
