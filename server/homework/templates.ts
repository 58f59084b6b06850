// A therapist's template library: their own templates plus the starter set.
// Starter templates are read-only for everyone: duplicate one to adapt it.
// Titles and instructions are sealed (./sealing.ts): a therapist's own
// template is often written with one client in mind. So the library is
// ordered by title here, not in SQL.
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import { AppError } from "../errors";
import type { TCreateTemplate, TUpdateTemplate } from "../../lib/schemas/homework";
import { templateWhereForTherapist, type TTemplateContext } from "./access";
import { now as clockNow } from "../clock";
import { newRowId } from "../db/ids";
import { openTemplateText, sealTemplateText } from "./sealing";
import type { Prisma } from "../db/generated/client";
import { copyLatestForm, sealDefinition } from "../exercises/forms";
import { ZExerciseFormSchema } from "../../lib/exercises/form-definition";
import { STARTER_EXERCISES } from "../../lib/exercises/starters";

export const TEMPLATE_LIST_LIMIT = 200;

/** A template's own columns (the library, the editor, the export). */
export const TEMPLATE_FIELDS = {
  id: true,
  title: true,
  instructions: true,
  kind: true,
  schedule: true,
  durationDays: true,
  timesPerWeek: true,
  archivedAt: true,
} as const;

/** With the newest version of its exercise form, if it has one (server/exercises/forms.ts). */
export const TEMPLATE_SELECT = {
  ...TEMPLATE_FIELDS,
  ownerId: true,
  forms: { orderBy: { version: "desc" }, take: 1, select: { version: true } },
} as const;

type TTemplateRow = Prisma.HomeworkTemplateGetPayload<{ select: typeof TEMPLATE_SELECT }>;

/** A template as the library shows it: words opened, and which form version it carries (null: none). */
function shape({ forms, ...row }: TTemplateRow) {
  return { ...openTemplateText(row), formVersion: forms[0]?.version ?? null };
}

/** Current templates first, then the most recently archived; by title within each. */
function libraryOrder(a: { archivedAt: Date | null; title: string }, b: { archivedAt: Date | null; title: string }): number {
  const archivedRank = (template: { archivedAt: Date | null }) => template.archivedAt?.getTime() ?? Number.POSITIVE_INFINITY;
  return Math.sign(archivedRank(b) - archivedRank(a) || 0) || a.title.localeCompare(b.title);
}

export async function listTemplates(db: TDb, user: TSessionUser, options: { includeArchived: boolean }) {
  const rows = await db.homeworkTemplate.findMany({
    where: { AND: [templateWhereForTherapist(user), options.includeArchived ? {} : { archivedAt: null }] },
    orderBy: [{ archivedAt: { sort: "desc", nulls: "first" } }, { createdAt: "asc" }],
    take: TEMPLATE_LIST_LIMIT,
    select: TEMPLATE_SELECT,
  });
  return rows.map(shape).sort(libraryOrder);
}

function fields(id: string, input: TCreateTemplate) {
  return {
    ...sealTemplateText(id, input),
    kind: input.kind,
    schedule: input.schedule,
    durationDays: input.schedule === "daily" || input.schedule === "weekly" ? Number(input.durationDays) || null : null,
    timesPerWeek: input.schedule === "weekly" ? Number(input.timesPerWeek) || null : null,
  };
}

export async function createTemplate(db: TDb, user: TSessionUser, input: TCreateTemplate) {
  const id = newRowId();
  return shape(await db.homeworkTemplate.create({ data: { id, ...fields(id, input), ownerId: user.id }, select: TEMPLATE_SELECT }));
}

function assertOwn(user: TSessionUser, template: TTemplateContext): void {
  if (template.ownerId !== user.id) {
    throw new AppError("FORBIDDEN", "Starter templates can't be changed. Duplicate it to make your own version.");
  }
}

export async function updateTemplate(db: TDb, user: TSessionUser, template: TTemplateContext, input: TUpdateTemplate) {
  assertOwn(user, template);
  const { templateId: _templateId, ...rest } = input;
  return shape(await db.homeworkTemplate.update({ where: { id: template.id }, data: fields(template.id, rest), select: TEMPLATE_SELECT }));
}

export async function setTemplateArchived(db: TDb, user: TSessionUser, template: TTemplateContext, isArchived: boolean) {
  assertOwn(user, template);
  return shape(
    await db.homeworkTemplate.update({
      where: { id: template.id },
      data: { archivedAt: isArchived ? clockNow() : null },
      select: TEMPLATE_SELECT,
    }),
  );
}

export async function duplicateTemplate(db: TDb, user: TSessionUser, template: TTemplateContext) {
  const source = openTemplateText(await db.homeworkTemplate.findUniqueOrThrow({ where: { id: template.id }, select: TEMPLATE_FIELDS }));
  // The copy is a new row: its words are sealed under its own id, and its form starts again at version 1.
  const id = newRowId();
  return db.$transaction(async (tx) => {
    await tx.homeworkTemplate.create({
      data: {
        id,
        ownerId: user.id,
        ...sealTemplateText(id, { title: `${source.title} (copy)`.slice(0, 200), instructions: source.instructions }),
        kind: source.kind,
        schedule: source.schedule,
        durationDays: source.durationDays,
        timesPerWeek: source.timesPerWeek,
      },
      select: { id: true },
    });
    await copyLatestForm(tx, template.id, id);
    return shape(await tx.homeworkTemplate.findUniqueOrThrow({ where: { id }, select: TEMPLATE_SELECT }));
  });
}

/** "Start from an exercise": the therapist's own template with the starter's form as version 1. */
export async function createFromStarter(db: TDb, user: TSessionUser, starterKey: string) {
  const starter = STARTER_EXERCISES.find((candidate) => candidate.key === starterKey);
  if (!starter) throw new AppError("BAD_REQUEST", "Choose one of the starter exercises.");
  const templateId = newRowId();
  const formId = newRowId();
  const form = ZExerciseFormSchema.parse({ fields: starter.fields });
  return db.$transaction(async (tx) => {
    await tx.homeworkTemplate.create({
      data: {
        id: templateId,
        ownerId: user.id,
        ...sealTemplateText(templateId, { title: starter.title, instructions: starter.instructions }),
        kind: "worksheet",
        schedule: "daily",
        durationDays: 7,
      },
      select: { id: true },
    });
    await tx.exerciseForm.create({ data: { id: formId, templateId, version: 1, definition: sealDefinition(formId, form) }, select: { id: true } });
    return shape(await tx.homeworkTemplate.findUniqueOrThrow({ where: { id: templateId }, select: TEMPLATE_SELECT }));
  });
}


