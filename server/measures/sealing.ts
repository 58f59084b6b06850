// A questionnaire's item answers as stored: sealed JSON (server/crypto/
// sealed-fields.ts), bound to the response's engagement, assignment and
// period, the key its upsert writes under (the row's id is not known before
// an upsert). Totals and bands stay plain beside it. Shared by the domain
// code, the exports, the seeds and the tests' factories.
import { openField, sealField } from "../crypto/sealed-fields";

export type TAnswersOwner = { engagementId: string; assignmentId: string; periodKey: string };
/** One per item, in order: 0–3, or null while a draft leaves it open. */
export type TItemAnswers = (number | null)[];

export function sealAnswers(owner: TAnswersOwner, answers: readonly (number | null)[]): string {
  return sealField("measureAnswers", owner, JSON.stringify(answers));
}

/** The stored answers; anything that is not a list of numbers and nulls reads as unanswered. */
export function openAnswers(owner: TAnswersOwner, stored: string): TItemAnswers {
  const parsed: unknown = JSON.parse(openField("measureAnswers", owner, stored) || "[]");
  return Array.isArray(parsed) ? parsed.map((value) => (typeof value === "number" ? value : null)) : [];
}
