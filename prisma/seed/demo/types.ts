// The shape of a demo story: plain data, no dates computed here. Moments are
// `TWhen`s (./dates.ts) on the clock of the person they belong to, except a
// session's, which is on the therapist's clock (the app schedules on the
// scheduler's clock, server/sessions/scheduling.ts). ./load.ts turns a story
// into records.
import type { AgendaItemKind, CompletionStatus, HomeworkKind, HomeworkSchedule, NotificationKind } from "@/server/db/generated/client";
import type { TWallTime } from "@/lib/time/zones";
import type { TMeasureKind } from "@/lib/measures/instruments";
import type { TMeasureScheduleKind } from "@/lib/measures/schedule";
import type { TAnswers } from "@/lib/exercises/form-definition";
import type { TStarterTemplateTitle } from "../starter-templates";
import type { TDemoClientAccount, TDemoTherapist } from "./people";
import type { TWhen } from "./dates";
import type { TSafetyPlanContent } from "@/lib/constants/safety-plan";

export type TAuthor = "client" | "therapist";

export type TAgendaSeed = { by: TAuthor; kind: AgendaItemKind; text: string; isDeferred?: boolean };

export type TScores = { personal: number; relationships: number; social: number; overall: number };

export type TFeedbackSeed = { feltHeard: number; workedOnWanted: number; approachFit: number; overall: number; comment?: string };

export type TPastSessionSeed = {
  when: { daysAgo: number; at: TWallTime };
  isCancelled?: boolean;
  /** In the room; otherwise by video. */
  location?: string;
  agenda: TAgendaSeed[];
  summary?: string;
  privateNote?: string;
  takeaway?: { body: string; isSharedWithTherapist: boolean };
  feedback?: TFeedbackSeed;
  checkIn?: TScores;
};

export type TNextSessionSeed = { when: { inDays: number; at: TWallTime }; agenda: TAgendaSeed[]; checkIn?: TScores };

export type TRatingSeed = number | { value: number; note: string };

// Rating series and step/status indices count COMPLETED sessions, oldest
// first: goals are reviewed in sessions that took place, not cancelled ones.
export type TGoalSeed = {
  by: TAuthor;
  title: string;
  description: string;
  whyItMatters: string;
  /** Days from the client's today. */
  targetInDays?: number;
  steps: { text: string; doneAfterSession?: number; doneBy?: TAuthor }[];
  clientRatings: TRatingSeed[];
  therapistRatings: TRatingSeed[];
  statusChange?: { to: "achieved" | "paused"; atSession: number; by: TAuthor; note: string };
};

export type THomeworkContent = {
  title: string;
  instructions: string;
  kind: HomeworkKind;
  schedule: HomeworkSchedule;
  timesPerWeek: number | null;
};

export type TCompletionSeed = {
  status: CompletionStatus;
  response?: string;
  difficulty?: number;
  helpfulness?: number;
  obstacle?: string;
  /** The therapist's reply. */
  feedback?: string;
};

export type THomeworkSeed = {
  content: TStarterTemplateTitle | THomeworkContent;
  /** Days between the client's local start date and their local today. */
  startDaysAgo: number;
  /** Inclusive length from the start to the last due day; whole weeks for weekly homework. */
  lengthDays: number;
  /** Index into the story's goals. */
  goal?: number;
  /** One per occurrence in order; null or missing = not done. Only past occurrences may have one. */
  completions: (TCompletionSeed | null)[];
};

/** A step of the client's exposure ladder, added by either of them. */
export type TLadderStepSeed = { text: string; expectedAnxiety: number; by: TAuthor; addedDaysAgo: number };

/** One sent exercise entry, as the form takes it. */
export type TExerciseEntrySeed = {
  /** Every answer except a ladder step's, which `ladderStep` names. */
  answers: TAnswers;
  /** Index into the story's ladder, for the form's step field. */
  ladderStep?: number;
  /** The therapist's note of how the skill went (lib/exercises/skill.ts). */
  skill?: number;
  /** The therapist's reply. */
  feedback?: string;
};

/**
 * An exercise: the therapist's own template made from one of the starters
 * (lib/exercises/starters.ts), with the starter's form as its version 1,
 * assigned daily, or so many times a week.
 */
export type TExerciseSeed = {
  starterKey: string;
  /** Days between the client's local start date and their local today. */
  startDaysAgo: number;
  /** Inclusive length from the start to the last due day; whole weeks when `timesPerWeek` is given. */
  lengthDays: number;
  /** Weekly, this many times a week; daily without it. */
  timesPerWeek?: number;
  /** Index into the story's goals. */
  goal?: number;
  /** One per occurrence in order; null or missing = not done. Only past occurrences may have one. */
  entries: (TExerciseEntrySeed | null)[];
};

export type TJournalSeed = { when: TWhen; body: string; mood?: number; isShared?: boolean };

/** Answers are for the latest completed sessions (before each session) or the latest blocks of weeks, oldest first. */
export type TMeasureSeed = {
  kind: TMeasureKind;
  schedule: Exclude<TMeasureScheduleKind, "once">;
  intervalWeeks?: number;
  answers: { items: number[]; difficulty: number }[];
};

/** What the app would have told someone; titles stay non-clinical (they may show on a lock screen). */
export type TNoticeSeed = {
  to: TAuthor;
  kind: NotificationKind;
  title: string;
  /** Where it leads: the caseload, the next session, or one of the story's homework. */
  link: "caseload" | "next session" | { homework: number };
  /** On the recipient's clock; "started" is when the work began, `homeworkAssigned` when that homework was. */
  when: TWhen | "started" | { homeworkAssigned: number };
  isRead: boolean;
};

/** A message between sessions, on its author's clock. */
export type TMessageSeed = {
  by: TAuthor;
  when: TWhen;
  text: string;
  /** Index (in the same list) of the message it answers: every client message of a reply-only conversation has one of the therapist's. */
  replyTo?: number;
};

/**
 * Messages between sessions, as the therapist turned them on for this client
 * (issue 25). Each person has read up to a message of the list: writing one
 * counts as reading up to it (as sending does in the app), and the other
 * person's later ones are unread, with an unread notice in their bell.
 */
export type TConversationSeed = {
  mode: "reply_only" | "open";
  /** The therapist's own words, shown above the client's box. */
  replyTime: string;
  /** Oldest first. */
  messages: TMessageSeed[];
  readUpTo: Record<TAuthor, number>;
};

/**
 * A safety plan written together (issue 26): each version in turn, oldest
 * first, by whoever saved it; the last is the plan as it stands.
 */
export type TSafetyPlanSeed = { versions: { by: TAuthor; when: TWhen; content: TSafetyPlanContent }[] };

export type TClientStory = {
  account: TDemoClientAccount;
  timeZone: string;
  joinedDaysAgo: number;
  startedDaysAgo: number;
  videoRoom: string;
  goals: TGoalSeed[];
  /** Oldest first. */
  pastSessions: TPastSessionSeed[];
  nextSession: TNextSessionSeed;
  homework: THomeworkSeed[];
  /** Exercises done in Alliance, after the story's other homework. */
  exercises?: TExerciseSeed[];
  /** Situations ranked by the anxiety each is expected to bring. */
  ladder?: TLadderStepSeed[];
  journal: TJournalSeed[];
  /** Standard questionnaires the therapist asked for. */
  measures?: TMeasureSeed[];
  notices: TNoticeSeed[];
  /** Messages between sessions; off (no conversation) without one. */
  conversation?: TConversationSeed;
  safetyPlan?: TSafetyPlanSeed;
  /** Work with another therapist that ended before this began. */
  earlierWork?: TEndedStory;
};

/** Work that ended: read-only for both, one goal seen through. */
export type TEndedStory = {
  therapist: TDemoTherapist;
  startedDaysAgo: number;
  endedDaysAgo: number;
  goal: {
    title: string;
    description: string;
    whyItMatters: string;
    createdDaysAgo: number;
    achieved: { daysAgo: number; note: string };
    steps: { text: string; doneDaysAgo: number }[];
    /** Client and therapist rating, the therapist's five minutes after. */
    ratings: { daysAgo: number; client: number; therapist: number }[];
  };
};
