// A client's safety plan (issue 26): one per engagement, written together.
//
// INVARIANTS
// - Reached only through its engagement (the engagement resource,
//   server/engagements/access.ts): the therapist or the client of that work,
//   nobody else; an ended engagement's plan stays readable and is not changed.
// - Either person may change any section. A save carries the version it was
//   made from (0: there was no plan yet); a stale one is a CONFLICT and
//   changes nothing (docs/house-style.md, H9).
// - Every save that changes something bumps the version and keeps the whole
//   plan as a SafetyPlanVersion (who, when, what), in the same transaction;
//   versions are never changed or removed while the plan exists.
// - The other person is told in the app; the notice names who changed it,
//   never a word of the plan (docs/security-and-privacy.md, S18).
// - Times come from the app's clock; the words are sealed (./sealing.ts).
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import type { TEngagementContext } from "../engagements/access";
import { AppError } from "../errors";
import { newRowId } from "../db/ids";
import { now as clockNow } from "../clock";
import { notify } from "../notifications/notify";
import { emptySafetyPlan, type TSafetyPlanContent } from "../../lib/constants/safety-plan";
import type { TSaveSafetyPlan } from "../../lib/schemas/safety-plan";
import { openPlanContent, openVersionContent, sealPlanContent, sealVersionContent } from "./sealing";
import { diffPlans, isSamePlan, type TSectionChange } from "./diff";

const STALE =
  "Someone else changed this safety plan while you were editing it. The latest version is shown now; your changes weren't saved.";

export type TSafetyPlanView = {
  engagementId: string;
  /** 0 while there is no plan yet. */
  version: number;
  content: TSafetyPlanContent;
  updatedAt: Date | null;
  updatedBy: { name: string; role: "therapist" | "client" } | null;
  canEdit: boolean;
};

export async function getSafetyPlan(db: TDb, engagement: TEngagementContext): Promise<TSafetyPlanView> {
  const plan = await db.safetyPlan.findUnique({
    where: { engagementId: engagement.id },
    select: { id: true, content: true, version: true, updatedAt: true, updatedBy: { select: { name: true, role: true } } },
  });
  const canEdit = engagement.status === "active";
  if (!plan) return { engagementId: engagement.id, version: 0, content: emptySafetyPlan(), updatedAt: null, updatedBy: null, canEdit };
  return {
    engagementId: engagement.id,
    version: plan.version,
    content: openPlanContent({ engagementId: engagement.id, planId: plan.id }, plan.content),
    updatedAt: plan.updatedAt,
    updatedBy: plan.updatedBy,
    canEdit,
  };
}

function contentOf(input: TSaveSafetyPlan): TSafetyPlanContent {
  return {
    warningSigns: input.warningSigns,
    onMyOwn: input.onMyOwn,
    peoplePlaces: input.peoplePlaces,
    peopleToAsk: input.peopleToAsk,
    professionals: input.professionals,
    saferSurroundings: input.saferSurroundings,
    keepsMeGoing: input.keepsMeGoing,
  };
}

export async function saveSafetyPlan(
  db: TDb,
  user: TSessionUser,
  engagement: TEngagementContext,
  input: TSaveSafetyPlan,
): Promise<{ version: number; isChanged: boolean }> {
  const content = contentOf(input);
  const at = clockNow();
  return db.$transaction(async (tx) => {
    const current = await tx.safetyPlan.findUnique({ where: { engagementId: engagement.id }, select: { id: true, version: true, content: true } });
    if ((current?.version ?? 0) !== input.baseVersion) throw new AppError("CONFLICT", STALE);
    if (current && isSamePlan(openPlanContent({ engagementId: engagement.id, planId: current.id }, current.content), content)) {
      return { version: current.version, isChanged: false };
    }
    const planId = current?.id ?? newRowId();
    const version = input.baseVersion + 1;
    const sealed = sealPlanContent({ engagementId: engagement.id, planId }, content);
    if (current) {
      const updated = await tx.safetyPlan.updateMany({
        where: { id: planId, version: input.baseVersion },
        data: { content: sealed, version, updatedById: user.id, updatedAt: at },
      });
      if (updated.count !== 1) throw new AppError("CONFLICT", STALE);
    } else {
      // Two first saves at once: the unique engagement_id lets one in; the other is stale.
      const created = await tx.safetyPlan.createMany({
        data: [{ id: planId, engagementId: engagement.id, content: sealed, version, updatedById: user.id, updatedAt: at, createdAt: at }],
        skipDuplicates: true,
      });
      if (created.count !== 1) throw new AppError("CONFLICT", STALE);
    }
    const versionId = newRowId();
    await tx.safetyPlanVersion.create({
      data: { id: versionId, planId, version, content: sealVersionContent({ planId, versionId }, content), authorId: user.id, createdAt: at },
      select: { id: true },
    });
    const otherId = user.role === "therapist" ? engagement.clientId : engagement.therapistId;
    if (otherId) {
      await notify(tx, {
        userId: otherId,
        kind: user.role === "therapist" ? "safety_plan_updated_by_therapist" : "safety_plan_updated_by_client",
        title: user.role === "therapist" ? `${user.name} changed your safety plan` : `${user.name} changed their safety plan`,
        linkPath: `/engagements/${engagement.id}/safety-plan`,
        engagementId: engagement.id,
      });
    }
    return { version, isChanged: true };
  });
}

export type TSafetyPlanVersionView = {
  version: number;
  createdAt: Date;
  authorName: string;
  authorRole: "therapist" | "client";
  /** Against the version before it (the first against an empty plan). */
  changes: TSectionChange[];
};

/** How many versions the history shows; the exports carry every one. */
export const SAFETY_PLAN_VERSIONS_SHOWN = 50;

/** The newest versions (SAFETY_PLAN_VERSIONS_SHOWN), newest first, each with what it changed. */
export async function listSafetyPlanVersions(db: TDb, engagement: TEngagementContext): Promise<TSafetyPlanVersionView[]> {
  const plan = await db.safetyPlan.findUnique({
    where: { engagementId: engagement.id },
    select: {
      versions: {
        // One more than shown: the oldest shown is compared with the one before it.
        orderBy: { version: "desc" },
        take: SAFETY_PLAN_VERSIONS_SHOWN + 1,
        select: { id: true, planId: true, version: true, content: true, createdAt: true, author: { select: { name: true, role: true } } },
      },
    },
  });
  if (!plan) return [];
  const oldestFirst = [...plan.versions].reverse();
  const isCut = oldestFirst.length > SAFETY_PLAN_VERSIONS_SHOWN;
  let before: TSafetyPlanContent | null = null;
  const views: TSafetyPlanVersionView[] = [];
  for (const [index, row] of oldestFirst.entries()) {
    const content = openVersionContent({ planId: row.planId, versionId: row.id }, row.content);
    if (!isCut || index > 0) {
      views.push({ version: row.version, createdAt: row.createdAt, authorName: row.author.name, authorRole: row.author.role, changes: diffPlans(before, content) });
    }
    before = content;
  }
  return views.reverse();
}
