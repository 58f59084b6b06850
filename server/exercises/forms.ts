// Exercise forms: the versioned form a homework template carries (issue 23).
//
// INVARIANTS
// - A version is never changed once written. Saving a template's form writes
//   version n+1; assignments keep the version they were given and entries
//   the version they answered, so editing a template never changes what a
//   client already recorded.
// - Only the template's owner saves its form (starter templates are read-only,
//   ./../homework/templates.ts); a definition is validated as data
//   (lib/exercises/form-definition.ts) by the input schema before it gets here.
// - The definition is sealed under the version's own id.
import type { TDb } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { TSessionUser } from "../auth/session-user";
import { AppError } from "../errors";
import { openField, sealField } from "../crypto/sealed-fields";
import { newRowId } from "../db/ids";
import { ZExerciseFormSchema, type TExerciseForm } from "../../lib/exercises/form-definition";
import type { TTemplateContext } from "../homework/access";

export function sealDefinition(formId: string, form: TExerciseForm): string {
  return sealField("exerciseFormDefinition", { formId }, JSON.stringify(form));
}

/** A stored version, opened and checked again: a definition that no longer parses is a bug, not a client's problem. */
export function openDefinition(row: { id: string; definition: string }): TExerciseForm {
  return ZExerciseFormSchema.parse(JSON.parse(openField("exerciseFormDefinition", { formId: row.id }, row.definition)));
}

/** The id and number of a template's newest form version, or null when it has none. */
export function newestVersionOf(db: TDb | Prisma.TransactionClient, templateId: string) {
  return db.exerciseForm.findFirst({ where: { templateId }, orderBy: { version: "desc" }, select: { id: true, version: true } });
}

/** The newest version of a template's form, or null when it has none. */
export async function latestForm(db: TDb | Prisma.TransactionClient, templateId: string) {
  const row = await db.exerciseForm.findFirst({
    where: { templateId },
    orderBy: { version: "desc" },
    select: { id: true, version: true, definition: true },
  });
  return row ? { id: row.id, version: row.version, form: openDefinition(row) } : null;
}

/** Writes the next version of the template's form; returns it. */
export async function saveTemplateForm(db: TDb, user: TSessionUser, template: TTemplateContext, form: TExerciseForm) {
  if (template.ownerId !== user.id) {
    throw new AppError("FORBIDDEN", "Starter templates can't be changed. Duplicate it to make your own version.");
  }
  const latest = await newestVersionOf(db, template.id);
  const id = newRowId();
  const version = (latest?.version ?? 0) + 1;
  // Two saves at once both aim at n+1: the unique (template, version) index keeps the first
  // (ON CONFLICT DO NOTHING, never a caught error: docs/architecture.md) and the second is told.
  const written = await db.exerciseForm.createMany({
    data: [{ id, templateId: template.id, version, definition: sealDefinition(id, form) }],
    skipDuplicates: true,
  });
  if (written.count !== 1) throw new AppError("CONFLICT", "This form was saved from somewhere else just now. Reload to see it.");
  return { id, version, form };
}

/** A copy's form starts again at version 1, sealed under the copy's own version id. */
export async function copyLatestForm(db: TDb | Prisma.TransactionClient, fromTemplateId: string, toTemplateId: string): Promise<void> {
  const source = await latestForm(db, fromTemplateId);
  if (!source) return;
  const id = newRowId();
  await db.exerciseForm.create({ data: { id, templateId: toTemplateId, version: 1, definition: sealDefinition(id, source.form) }, select: { id: true } });
}

/** The template's form for the builder: its newest version, or null; with the template's title, to say whose form it is. */
export async function templateForm(db: TDb, template: TTemplateContext) {
  const [latest, row] = await Promise.all([
    latestForm(db, template.id),
    db.homeworkTemplate.findUniqueOrThrow({ where: { id: template.id }, select: { title: true } }),
  ]);
  return {
    templateId: template.id,
    title: openField("templateTitle", { templateId: template.id }, row.title),
    isOwn: template.ownerId !== null,
    version: latest?.version ?? null,
    form: latest?.form ?? null,
  };
}
