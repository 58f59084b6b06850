// An exercise entry's answers as they sit at rest: JSON, sealed under the day
// and the form version answered (server/crypto/sealed-fields.ts), so answers
// copied to another day or read against another version fail to open. Every
// read and write of answers goes through here.
import { openField, sealField } from "../crypto/sealed-fields";
import type { TAnswers, TExerciseForm } from "../../lib/exercises/form-definition";
import { openDefinition } from "./forms";

export type TAnswersOwner = { occurrenceId: string; formId: string };

export function sealEntryAnswers(owner: TAnswersOwner, answers: TAnswers): string {
  return sealField("exerciseAnswers", owner, JSON.stringify(answers));
}

export function openEntryAnswers(entry: TAnswersOwner & { answers: string }): TAnswers {
  return JSON.parse(openField("exerciseAnswers", { occurrenceId: entry.occurrenceId, formId: entry.formId }, entry.answers)) as TAnswers;
}

/** Opens each form version once, however many of a read's entries answered it. */
export function formOpener(): (form: { id: string; definition: string }) => TExerciseForm {
  const opened = new Map<string, TExerciseForm>();
  return (form) => {
    let definition = opened.get(form.id);
    if (!definition) opened.set(form.id, (definition = openDefinition(form)));
    return definition;
  };
}
