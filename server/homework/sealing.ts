// Homework's words as stored (sealed, server/crypto/sealed-fields.ts) and as
// people read them: an assignment's title and instructions are bound to the
// assignment and its engagement, a template's to the template. Text copied
// from one row to another (a duplicated template) is opened and sealed again
// under the new row. Shared by the domain code, the exports and the seeds.
import { openField, sealField } from "../crypto/sealed-fields";

type THomeworkText = { title: string; instructions: string };
export type TAssignmentOwner = { engagementId: string; assignmentId: string };

export function sealAssignmentText(owner: TAssignmentOwner, text: THomeworkText): THomeworkText {
  return {
    title: sealField("assignmentTitle", owner, text.title),
    instructions: sealField("assignmentInstructions", owner, text.instructions),
  };
}

/** The row with its title and instructions opened; any other field is kept. */
export function openAssignmentText<T extends Partial<THomeworkText>>(owner: TAssignmentOwner, row: T): T {
  const opened = { ...row };
  if (row.title !== undefined) opened.title = openField("assignmentTitle", owner, row.title);
  if (row.instructions !== undefined) opened.instructions = openField("assignmentInstructions", owner, row.instructions);
  return opened;
}

export function sealTemplateText(templateId: string, text: THomeworkText): THomeworkText {
  return {
    title: sealField("templateTitle", { templateId }, text.title),
    instructions: sealField("templateInstructions", { templateId }, text.instructions),
  };
}

export function openTemplateText<T extends { id: string } & THomeworkText>(row: T): T {
  return {
    ...row,
    title: openField("templateTitle", { templateId: row.id }, row.title),
    instructions: openField("templateInstructions", { templateId: row.id }, row.instructions),
  };
}
