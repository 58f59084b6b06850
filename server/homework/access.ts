// Access to homework.
//
// INVARIANTS
// - Assignments, their occurrences and completions are reachable exactly
//   when their engagement is (server/engagements/access.ts): its therapist
//   or its client. Anything else is NOT_FOUND.
// - Templates belong to one therapist (ownerId), or to the starter library
//   (ownerId null) that every therapist may read and duplicate but not change.
//   Clients never see templates.
import type { Prisma } from "../db/generated/client";
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import { notFound } from "../errors";
import { engagementWhereForUser } from "../engagements/access";

export function assignmentWhereForUser(user: Pick<TSessionUser, "id" | "role">): Prisma.HomeworkAssignmentWhereInput {
  return { engagement: engagementWhereForUser(user) };
}

export function templateWhereForTherapist(user: Pick<TSessionUser, "id">): Prisma.HomeworkTemplateWhereInput {
  return { OR: [{ ownerId: user.id }, { ownerId: null }] };
}

const ENGAGEMENT_SELECT = { select: { id: true, status: true, therapistId: true, clientId: true } } as const;

const ASSIGNMENT_CONTEXT_SELECT = { id: true, status: true, formId: true, templateId: true, engagement: ENGAGEMENT_SELECT } as const;
export type TAssignmentContext = Prisma.HomeworkAssignmentGetPayload<{ select: typeof ASSIGNMENT_CONTEXT_SELECT }>;

export async function findAssignmentForUser(db: TDb, user: TSessionUser, assignmentId: string): Promise<TAssignmentContext> {
  const assignment = await db.homeworkAssignment.findFirst({
    where: { AND: [{ id: assignmentId }, assignmentWhereForUser(user)] },
    select: ASSIGNMENT_CONTEXT_SELECT,
  });
  if (!assignment) throw notFound("That homework");
  return assignment;
}

const OCCURRENCE_CONTEXT_SELECT = {
  id: true,
  opensOn: true,
  dueOn: true,
  completion: { select: { id: true, status: true } },
  assignment: { select: ASSIGNMENT_CONTEXT_SELECT },
} as const;
export type TOccurrenceContext = Prisma.HomeworkOccurrenceGetPayload<{ select: typeof OCCURRENCE_CONTEXT_SELECT }>;

export async function findOccurrenceForUser(db: TDb, user: TSessionUser, occurrenceId: string): Promise<TOccurrenceContext> {
  const occurrence = await db.homeworkOccurrence.findFirst({
    where: { AND: [{ id: occurrenceId }, { assignment: assignmentWhereForUser(user) }] },
    select: OCCURRENCE_CONTEXT_SELECT,
  });
  if (!occurrence) throw notFound("That homework");
  return occurrence;
}

const TEMPLATE_CONTEXT_SELECT = { id: true, ownerId: true } as const;
export type TTemplateContext = Prisma.HomeworkTemplateGetPayload<{ select: typeof TEMPLATE_CONTEXT_SELECT }>;

export async function findTemplateForTherapist(db: TDb, user: TSessionUser, templateId: string): Promise<TTemplateContext> {
  const template = await db.homeworkTemplate.findFirst({
    where: { AND: [{ id: templateId }, templateWhereForTherapist(user)] },
    select: TEMPLATE_CONTEXT_SELECT,
  });
  if (!template) throw notFound("That template");
  return template;
}
