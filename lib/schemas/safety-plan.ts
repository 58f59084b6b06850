// Input schemas for a safety plan (issue 26), for the form and the procedure
// alike. A section's errors come back under its key (errorFormatter flattens
// to the first path segment), so the form shows them beside that section.
import { z } from "zod";
import { hasNoNul, MAX_INT4, NUL_MESSAGE } from "./common";
import {
  SAFETY_PLAN_LINE_MAX,
  SAFETY_PLAN_LINES_MAX,
  SAFETY_PLAN_NAME_MAX,
  SAFETY_PLAN_PHONE_MAX,
  type TSafetyPlanContent,
} from "../constants/safety-plan";

const ZLine = z
  .string()
  .trim()
  .min(1, "Leave out empty lines.")
  .max(SAFETY_PLAN_LINE_MAX, `Keep each line under ${SAFETY_PLAN_LINE_MAX} characters.`)
  .refine(hasNoNul, NUL_MESSAGE);

const ZLines = z.array(ZLine).max(SAFETY_PLAN_LINES_MAX, `Up to ${SAFETY_PLAN_LINES_MAX} lines in a section.`).default([]);

const ZContact = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, "Give each person or service a name.")
      .max(SAFETY_PLAN_NAME_MAX, `Keep a name under ${SAFETY_PLAN_NAME_MAX} characters.`)
      .refine(hasNoNul, NUL_MESSAGE),
    phone: z
      .string()
      .trim()
      .max(SAFETY_PLAN_PHONE_MAX, `Keep a number under ${SAFETY_PLAN_PHONE_MAX} characters.`)
      .refine((value) => value === "" || (/^\+?[0-9 ()\-.]+$/.test(value) && /[0-9]{3}/.test(value.replace(/[^0-9]/g, ""))), "Write a number with digits only, like 07700 900123.")
      .default(""),
  })
  .strict();

const ZContacts = z.array(ZContact).max(SAFETY_PLAN_LINES_MAX, `Up to ${SAFETY_PLAN_LINES_MAX} people in a section.`).default([]);

const SECTIONS = {
  warningSigns: ZLines,
  onMyOwn: ZLines,
  peoplePlaces: ZLines,
  peopleToAsk: ZContacts,
  professionals: ZContacts,
  saferSurroundings: ZLines,
  keepsMeGoing: ZLines,
};

/** A plan's sections as stored (sealed JSON): read back through this, so an old shape can't slip through. */
export const ZSafetyPlanContentSchema = z.object(SECTIONS).strict() satisfies z.ZodType<TSafetyPlanContent, unknown>;

export const ZSaveSafetyPlanSchema = z
  .object({
    engagementId: z.uuid("That link isn't valid."),
    /** The version the edit started from; 0 when there was no plan yet (docs/house-style.md, H9). */
    baseVersion: z
      .number({ error: "Reload the page and try again." })
      .int("Reload the page and try again.")
      .min(0, "Reload the page and try again.")
      .max(MAX_INT4, "Reload the page and try again."),
    ...SECTIONS,
  })
  .strict();
export type TSaveSafetyPlan = z.infer<typeof ZSaveSafetyPlanSchema>;
