// A therapist's template library: their own templates plus the starter set.
// Starter templates are read-only for everyone: duplicate one to adapt it.
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import { AppError } from "../errors";
import type { TCreateTemplate, TUpdateTemplate } from "../../lib/schemas/homework";
import { templateWhereForTherapist, type TTemplateContext } from "./access";
import { now as clockNow } from "../clock";

export const TEMPLATE_LIST_LIMIT = 200;

export const TEMPLATE_SELECT = {
  id: true,
  ownerId: true,
  title: true,
  instructions: true,
  kind: true,
  schedule: true,
  durationDays: true,
  timesPerWeek: true,
  archivedAt: true,
} as const;

export function listTemplates(db: TDb, user: TSessionUser, options: { includeArchived: boolean }) {
  return db.homeworkTemplate.findMany({
    where: { AND: [templateWhereForTherapist(user), options.includeArchived ? {} : { archivedAt: null }] },
    orderBy: [{ archivedAt: { sort: "desc", nulls: "first" } }, { title: "asc" }],
    take: TEMPLATE_LIST_LIMIT,
    select: TEMPLATE_SELECT,
  });
}

function fields(input: TCreateTemplate) {
  return {
    title: input.title,
    instructions: input.instructions,
    kind: input.kind,
    schedule: input.schedule,
    durationDays: input.schedule === "daily" || input.schedule === "weekly" ? Number(input.durationDays) || null : null,
    timesPerWeek: input.schedule === "weekly" ? Number(input.timesPerWeek) || null : null,
  };
}

export function createTemplate(db: TDb, user: TSessionUser, input: TCreateTemplate) {
  return db.homeworkTemplate.create({ data: { ...fields(input), ownerId: user.id }, select: TEMPLATE_SELECT });
}

function assertOwn(user: TSessionUser, template: TTemplateContext): void {
  if (template.ownerId !== user.id) {
    throw new AppError("FORBIDDEN", "Starter templates can't be changed. Duplicate it to make your own version.");
  }
}

export async function updateTemplate(db: TDb, user: TSessionUser, template: TTemplateContext, input: TUpdateTemplate) {
  assertOwn(user, template);
  const { templateId: _templateId, ...rest } = input;
  return db.homeworkTemplate.update({ where: { id: template.id }, data: fields(rest), select: TEMPLATE_SELECT });
}

export async function setTemplateArchived(db: TDb, user: TSessionUser, template: TTemplateContext, isArchived: boolean) {
  assertOwn(user, template);
  return db.homeworkTemplate.update({
    where: { id: template.id },
    data: { archivedAt: isArchived ? clockNow() : null },
    select: TEMPLATE_SELECT,
  });
}

export async function duplicateTemplate(db: TDb, user: TSessionUser, template: TTemplateContext) {
  const source = await db.homeworkTemplate.findUniqueOrThrow({ where: { id: template.id }, select: TEMPLATE_SELECT });
  return db.homeworkTemplate.create({
    data: {
      ownerId: user.id,
      title: `${source.title} (copy)`.slice(0, 200),
      instructions: source.instructions,
      kind: source.kind,
      schedule: source.schedule,
      durationDays: source.durationDays,
      timesPerWeek: source.timesPerWeek,
    },
    select: TEMPLATE_SELECT,
  });
}
