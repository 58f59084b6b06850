// The exercise form builder (issue 23), as a therapist at a desk uses it:
// from a starter exercise to their own form, a repeating group and a 0–100
// rating added, a field moved with the keyboard, the phone preview, a
// field-level message for an empty label that changes nothing, and the save
// as version 2. And on a phone: the builder fits the screen.
import type { Locator, Page } from "@playwright/test";
import { seedTherapist, TEST_PASSWORD } from "../tests/factories";
import { latestForm } from "../server/exercises/forms";
import { e2eDb, expect, signedInPage, test } from "./fixtures";

/** The top-level field cards of the builder, in order (columns and choices are lists inside them). */
function fieldCards(page: Page): Locator {
  return page.getByRole("list", { name: "Fields" }).locator(":scope > li");
}

async function addField(page: Page, type: string): Promise<Locator> {
  const before = await fieldCards(page).count();
  await page.getByLabel("Type of the new field").selectOption({ label: type });
  await page.getByRole("button", { name: "Add field" }).click();
  await expect(fieldCards(page)).toHaveCount(before + 1);
  const card = fieldCards(page).last();
  // Focus moves to the new field's label, ready to type.
  await expect(card.getByLabel("Label", { exact: true }).first()).toBeFocused();
  return card;
}

// The builder is used at a desk (desktop project only, by its tag); the phone check is below.
test("a therapist adapts a starter exercise: a repeating group, a 0–100 rating, a keyboard move, the preview, and version 2", { tag: "@desktop-only" }, async ({
  browser,
}) => {
  const db = e2eDb();
  const therapistUser = await seedTherapist(db, { name: "Dr. Lena Ortiz" });
  const page = await signedInPage(browser, therapistUser.email, TEST_PASSWORD);

  // The starter exercises, each with a preview as the client will see it.
  await page.goto("/templates");
  const starters = page.getByRole("list", { name: "Starter exercises" });
  await expect(starters.locator(":scope > li")).toHaveCount(8);
  const activityPlan = starters.locator(":scope > li").filter({ has: page.getByRole("heading", { name: "Activity plan" }) });
  await activityPlan.getByRole("button", { name: /^Preview/ }).click();
  const starterPreview = activityPlan.getByRole("region", { name: /Preview of Activity plan/ });
  await expect(starterPreview.getByLabel("What did you plan to do?")).toBeVisible();
  await expect(starterPreview.getByRole("slider", { name: "Enjoyment (optional)" })).toBeVisible();

  // "Use and adapt" makes the therapist's own copy, at version 1, and opens its builder.
  await activityPlan.getByRole("button", { name: /^Use and adapt/ }).click();
  await expect(page).toHaveURL(/\/templates\/[0-9a-f-]{36}\/form$/);
  const templateId = page.url().match(/templates\/([0-9a-f-]{36})\/form/)![1];
  await expect(page.getByRole("heading", { name: "Exercise form: Activity plan" })).toBeVisible();
  await expect(page.getByText("Version 1 is the one new assignments get.")).toBeVisible();
  await expect(fieldCards(page)).toHaveCount(5);
  await expect(fieldCards(page).first().getByRole("heading")).toHaveText("1. What did you plan to do?");

  // A repeating group with two columns: a feeling (text) and how strong it is (0–100).
  const group = await addField(page, "Repeating group (rows)");
  await group.getByLabel("Label", { exact: true }).first().fill("What did you feel?");
  const columns = group.getByRole("list", { name: /^Columns of/ }).locator(":scope > li");
  await columns.nth(0).getByLabel("Label", { exact: true }).fill("Feeling");
  await group.getByLabel("Type of the new column").selectOption({ label: "Rating from 0 to 100" });
  await group.getByRole("button", { name: "Add column" }).click();
  await expect(columns).toHaveCount(2);
  await expect(columns.nth(1).getByLabel("Label", { exact: true })).toBeFocused();
  await page.keyboard.type("How strong");
  await group.getByLabel("Most rows").fill("6");

  // A 0–100 rating of its own.
  const rating = await addField(page, "Rating from 0 to 100");
  await rating.getByLabel("Label", { exact: true }).fill("How calm do you feel now?");
  await rating.getByLabel("Help text (optional)").fill("0 is not at all, 100 is completely.");

  // Moved above the group with the keyboard: focus stays on the button, and the move is announced.
  const moveUp = rating.getByRole("button", { name: /^Move up/ });
  await moveUp.focus();
  await page.keyboard.press("Enter");
  await expect(fieldCards(page).nth(5).getByLabel("Label", { exact: true }).first()).toHaveValue("How calm do you feel now?");
  await expect(fieldCards(page).nth(6).getByLabel("Label", { exact: true }).first()).toHaveValue("What did you feel?");
  await expect(page.getByRole("button", { name: /^Move up: .How calm do you feel now\?/ })).toBeFocused();
  await expect(page.getByText("Moved “How calm do you feel now?” to position 6 of 7.")).toBeAttached();

  // The preview, at phone width, shows the form in its new order, as the client's own page draws it.
  const preview = page.getByRole("region", { name: "Preview as your client sees it" });
  const frame = preview.getByTestId("phone-preview");
  // 375 CSS pixels inside the frame's borders.
  expect((await frame.boundingBox())!.width).toBe(391);
  await expect(preview.getByRole("slider", { name: "How calm do you feel now? (optional)" })).toBeVisible();
  const feelings = preview.getByRole("group", { name: "What did you feel?" });
  await expect(feelings.getByLabel("Feeling (optional)")).toBeVisible();
  await expect(feelings.getByRole("slider", { name: "How strong (optional)" })).toBeVisible();
  const previewText = await frame.innerText();
  expect(previewText.indexOf("How calm do you feel now?")).toBeLessThan(previewText.indexOf("What did you feel?"));
  // The preview can be tried out: the typeable number moves with the answer.
  await preview.getByLabel("How calm do you feel now?, as a number from 0 to 100").fill("35");
  await expect(preview.getByRole("slider", { name: "How calm do you feel now? (optional)" })).toHaveValue("35");

  // A field without a label: the message is at that field, and nothing is saved.
  const unnamed = await addField(page, "Short text");
  await page.getByRole("button", { name: "Save form" }).click();
  await expect(unnamed.getByText("Give it a label.")).toBeVisible();
  await expect(unnamed.getByLabel("Label", { exact: true })).toBeFocused();
  await expect(unnamed.getByLabel("Label", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("alert").filter({ hasText: "One thing needs a look before saving." })).toBeVisible();
  expect(await db.exerciseForm.count({ where: { templateId } })).toBe(1);

  // Fixed as it is typed; then saved as version 2.
  await unnamed.getByLabel("Label", { exact: true }).fill("Anything else?");
  await expect(unnamed.getByText("Give it a label.")).toBeHidden();
  await page.getByRole("button", { name: "Save form" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved as version 2." })).toContainText(
    "Clients already working on this keep the version they were given; you can move each one on from their homework page.",
  );
  await expect(page.getByText("All changes saved.")).toBeVisible();
  expect(await db.exerciseForm.count({ where: { templateId } })).toBe(2);

  // As saved: after a reload the order, the group's columns and the keys from the labels are there.
  await page.reload();
  await expect(page.getByText("Version 2 is the one new assignments get.")).toBeVisible();
  await expect(fieldCards(page)).toHaveCount(8);
  // Closed now, each field one line: its label, type and what it holds.
  await expect(fieldCards(page).nth(5).getByRole("heading")).toHaveText("6. How calm do you feel now?");
  await expect(fieldCards(page).nth(6)).toContainText("Repeating group (rows) · optional · 2 columns, up to 6 rows");
  await fieldCards(page).nth(6).getByRole("button", { name: /^Edit/ }).click();
  await expect(fieldCards(page).nth(6).getByRole("list", { name: /^Columns of/ }).locator(":scope > li")).toHaveCount(2);
  const saved = await latestForm(db, templateId);
  expect(saved?.form.fields.map((field) => field.key)).toEqual([
    "activity",
    "done",
    "achievement",
    "enjoyment",
    "learned",
    "how_calm_do_you_feel_now",
    "what_did_you_feel",
    "anything_else",
  ]);
  expect(saved?.form.fields[6]).toMatchObject({ type: "repeating_group", maxRows: 6, columns: [{ key: "feeling", type: "short_text" }, { key: "how_strong", type: "rating_100" }] });

  // The library says which templates carry a form, and offers to edit it.
  await page.goto("/templates");
  const own = page.getByRole("list", { name: "Templates" }).getByRole("listitem").filter({ hasText: "Activity plan" });
  await expect(own).toContainText("Exercise form · version 2");
  await expect(own.getByRole("link", { name: /^Edit form/ })).toHaveAttribute("href", `/templates/${templateId}/form`);
});

test("on a phone the builder fits the screen, with large targets and the preview below", { tag: "@phone-only" }, async ({ browser }) => {
  const db = e2eDb();
  const therapistUser = await seedTherapist(db, { name: "Dr. Sam Ito" });
  const page = await signedInPage(browser, therapistUser.email, TEST_PASSWORD);
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await page.goto("/templates");
  const starter = page.getByRole("list", { name: "Starter exercises" }).locator(":scope > li").first();
  await starter.getByRole("button", { name: /^Preview/ }).click();
  await expect(starter.getByRole("region", { name: /^Preview of/ })).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
  await starter.getByRole("button", { name: /^Use and adapt/ }).click();
  await expect(page).toHaveURL(/\/templates\/[0-9a-f-]{36}\/form$/);
  await expect(fieldCards(page).first()).toBeVisible();
  await fieldCards(page).first().getByRole("button", { name: /^Edit/ }).click();
  await expect(fieldCards(page).first().getByLabel("Label", { exact: true })).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
  const moveDown = fieldCards(page).first().getByRole("button", { name: /^Move down/ });
  expect((await moveDown.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await page.getByRole("link", { name: "Jump to the preview" }).click();
  await expect(page.getByRole("region", { name: "Preview as your client sees it" })).toBeInViewport();
});
