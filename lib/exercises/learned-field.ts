// The closing question every exercise carries (issue 23): optional, never
// guilt-worded. Its own module so the builder can start a new form with it
// without loading the whole starter library (lib/exercises/starters.ts).
import type { TExerciseField } from "./form-definition";

export const LEARNED_FIELD: TExerciseField = {
  key: "learned",
  type: "long_text",
  label: "What did you learn or notice?",
  help: "Anything at all, or nothing: it's fine to leave this empty.",
  isRequired: false,
};
