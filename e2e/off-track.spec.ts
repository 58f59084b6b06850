// Off-track warnings end to end (issue 26): four flat PHQ-9 answers, still
// moderate; the therapist sees "not on track yet" on the caseload and the
// client page, thinks it through with two checklist items and a note, and
// puts "About our work together" on the next session's agenda in one tap.
import { seedMeasureTotals, seedSession, seedWorkingPair, TEST_PASSWORD } from "../tests/factories";
import { OFF_TRACK_AGENDA_TEXT } from "../lib/measures/off-track";
import { e2eDb, expect, signedInPage, test } from "./fixtures";

test("four flat PHQ-9 answers: the warning in words, two checklist items saved, 'About our work together' on the agenda", async ({ browser }) => {
  const db = e2eDb();
  const { therapist: therapistUser, engagement } = await seedWorkingPair(db, { therapist: "Dr. Ines Moreau", client: "Tom Reyes" });
  const session = await seedSession(db, engagement, { hoursFromNow: 72 });
  await seedMeasureTotals(db, engagement, "phq9", [14, 15, 13, 14], { from: new Date(Date.now() - 28 * 86_400_000) });
  const words = "PHQ-9 hasn't reliably improved over 4 answers and is still moderate (14)";

  const therapist = await signedInPage(browser, therapistUser.email, TEST_PASSWORD);
  await therapist.goto("/caseload");
  const row = therapist.getByRole("listitem").filter({ hasText: "Tom Reyes" });
  await expect(row.getByTestId("off-track-badge")).toHaveText(`Not on track yet: ${words}`);

  await row.getByRole("link").click();
  const warning = therapist.getByRole("region", { name: "Not on track yet with Tom" });
  await expect(warning).toContainText(`${words}.`);

  // The checklist loads when opened; two items and a short note.
  await warning.getByRole("button", { name: "Think it through" }).click();
  const checklist = warning.getByRole("form", { name: "Think it through" });
  await checklist.getByRole("checkbox", { name: "How our working relationship feels, to me and to them" }).check();
  await checklist.getByRole("checkbox", { name: "Anything that has happened in their life recently" }).check();
  await checklist.getByLabel("A short note (only you see it)").fill("Ask about the move.");
  await checklist.getByRole("button", { name: "Save what I thought through" }).click();
  const review = warning.getByTestId("off-track-review");
  await expect(review).toContainText("How our working relationship feels, to me and to them; Anything that has happened in their life recently.");
  await expect(review).toContainText("Ask about the move.");

  // One tap onto the next session's agenda.
  await warning.getByRole("button", { name: "Add “About our work together” to the next agenda" }).click();
  await expect(warning.getByRole("status")).toContainText("Added to the agenda of the session on");
  await therapist.goto(`/sessions/${session.id}`);
  await expect(therapist.getByText(OFF_TRACK_AGENDA_TEXT)).toBeVisible();
});
