// A safety plan's sections, in Alliance's own words (issue 26). The structure
// follows the published safety-planning intervention (Stanley & Brown); the
// wording is ours. Pages read these without loading zod; lib/schemas/safety-plan.ts
// bounds what is saved.

export const SAFETY_PLAN_LINE_MAX = 300;
export const SAFETY_PLAN_NAME_MAX = 120;
export const SAFETY_PLAN_PHONE_MAX = 40;
export const SAFETY_PLAN_LINES_MAX = 12;

/** Sections that are lists of short lines. */
export const SAFETY_PLAN_LINE_SECTIONS = ["warningSigns", "onMyOwn", "peoplePlaces", "saferSurroundings", "keepsMeGoing"] as const;
/** Sections that are lists of people to call: a name and a number. */
export const SAFETY_PLAN_CONTACT_SECTIONS = ["peopleToAsk", "professionals"] as const;

export type TSafetyPlanLineSection = (typeof SAFETY_PLAN_LINE_SECTIONS)[number];
export type TSafetyPlanContactSection = (typeof SAFETY_PLAN_CONTACT_SECTIONS)[number];
export type TSafetyPlanSection = TSafetyPlanLineSection | TSafetyPlanContactSection;

export type TSafetyPlanContact = { name: string; phone: string };
export type TSafetyPlanContent = { [K in TSafetyPlanLineSection]: string[] } & { [K in TSafetyPlanContactSection]: TSafetyPlanContact[] };

/** The order a plan reads in: from noticing a crisis coming to who to call. */
export const SAFETY_PLAN_SECTIONS: readonly { key: TSafetyPlanSection; title: string; hint: string }[] = [
  { key: "warningSigns", title: "Signs a crisis may be coming", hint: "Thoughts, feelings, situations or things I do that tell me it's getting hard." },
  { key: "onMyOwn", title: "Things I can do on my own to take my mind off it", hint: "Small things that help, even a little: a walk, music, a shower." },
  { key: "peoplePlaces", title: "People and places that help me feel better", hint: "Somewhere to go or someone to be with, without having to talk about it." },
  { key: "peopleToAsk", title: "People I can ask for help", hint: "Someone I can tell how I feel, with their number." },
  { key: "professionals", title: "Professionals and services I can call", hint: "My therapist, my doctor, a crisis line. My practice's numbers are below." },
  { key: "saferSurroundings", title: "Making my surroundings safer", hint: "What I can put away, give to someone or keep out of reach." },
  { key: "keepsMeGoing", title: "What matters to me and keeps me going", hint: "People, pets, plans, things I care about." },
];

export function emptySafetyPlan(): TSafetyPlanContent {
  return { warningSigns: [], onMyOwn: [], peoplePlaces: [], peopleToAsk: [], professionals: [], saferSurroundings: [], keepsMeGoing: [] };
}

export function isContactSection(key: TSafetyPlanSection): key is TSafetyPlanContactSection {
  return key === "peopleToAsk" || key === "professionals";
}

/** A number as a `tel:` link target: digits and a leading +, nothing else. */
export function telHref(phone: string): string {
  const trimmed = phone.trim();
  return `tel:${trimmed.startsWith("+") ? "+" : ""}${trimmed.replace(/[^0-9]/g, "")}`;
}
