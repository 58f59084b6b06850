// What changed between two versions of a safety plan, per section: the lines
// added and the lines taken out (a person to call reads as "name, number").
// A line whose words changed shows as one out and one in; that is enough for
// "who changed what" and needs no alignment.
import { SAFETY_PLAN_SECTIONS, isContactSection, type TSafetyPlanContent, type TSafetyPlanSection } from "../../lib/constants/safety-plan";

export type TSectionChange = { section: TSafetyPlanSection; added: string[]; removed: string[] };

export function sectionLines(content: TSafetyPlanContent, key: TSafetyPlanSection): string[] {
  if (isContactSection(key)) return content[key].map((contact) => (contact.phone ? `${contact.name}, ${contact.phone}` : contact.name));
  return content[key];
}

function minus(from: string[], take: string[]): string[] {
  const left = [...take];
  return from.filter((line) => {
    const at = left.indexOf(line);
    if (at === -1) return true;
    left.splice(at, 1);
    return false;
  });
}

export function diffPlans(before: TSafetyPlanContent | null, after: TSafetyPlanContent): TSectionChange[] {
  return SAFETY_PLAN_SECTIONS.flatMap(({ key }) => {
    const old = before ? sectionLines(before, key) : [];
    const next = sectionLines(after, key);
    const change = { section: key, added: minus(next, old), removed: minus(old, next) };
    return change.added.length + change.removed.length > 0 ? [change] : [];
  });
}

export function isSamePlan(a: TSafetyPlanContent, b: TSafetyPlanContent): boolean {
  return SAFETY_PLAN_SECTIONS.every(({ key }) => JSON.stringify(a[key]) === JSON.stringify(b[key]));
}
