// A safety plan's sections as stored: one sealed JSON (server/crypto/sealed-fields.ts),
// for the plan and for each version kept. Opening parses through the schema,
// so what a page, an export or a diff reads always has every section.
import { openField, sealField } from "../crypto/sealed-fields";
import { ZSafetyPlanContentSchema } from "../../lib/schemas/safety-plan";
import type { TSafetyPlanContent } from "../../lib/constants/safety-plan";

export function sealPlanContent(owner: { engagementId: string; planId: string }, content: TSafetyPlanContent): string {
  return sealField("safetyPlanContent", owner, JSON.stringify(content));
}

export function openPlanContent(owner: { engagementId: string; planId: string }, stored: string): TSafetyPlanContent {
  return ZSafetyPlanContentSchema.parse(JSON.parse(openField("safetyPlanContent", owner, stored)));
}

export function sealVersionContent(owner: { planId: string; versionId: string }, content: TSafetyPlanContent): string {
  return sealField("safetyPlanVersionContent", owner, JSON.stringify(content));
}

export function openVersionContent(owner: { planId: string; versionId: string }, stored: string): TSafetyPlanContent {
  return ZSafetyPlanContentSchema.parse(JSON.parse(openField("safetyPlanVersionContent", owner, stored)));
}
