// The feedback and check-in questions, in the project's own wording, for the
// forms (no validation code here: lib/schemas/feedback.ts checks the answers).

export const FEEDBACK_QUESTIONS = {
  feltHeard: { question: "Did you feel heard and respected?", low: "Not at all", high: "Completely" },
  workedOnWanted: { question: "Did we work on what you wanted to work on?", low: "Not at all", high: "Completely" },
  approachFit: { question: "Did the way we worked suit you?", low: "Not at all", high: "Very well" },
  overall: { question: "Overall, how was this session for you?", low: "Not good", high: "Very good" },
} as const;

export const CHECK_IN_QUESTIONS = {
  personal: { question: "You, personally", low: "Very hard", high: "Very good" },
  relationships: { question: "Your close relationships", low: "Very hard", high: "Very good" },
  social: { question: "Work, school or social life", low: "Very hard", high: "Very good" },
  overall: { question: "Overall", low: "Very hard", high: "Very good" },
} as const;
