// Demo data for trying Alliance out: one therapist with three clients, each
// five or six weeks into their work together, and one client (Priya) who
// also had an earlier therapist. Every date is relative to `now`, so the demo
// always looks current.
import { hashPassword } from "@/server/auth/password";
import { DEMO_ACCOUNTS, DEMO_FORMER_THERAPIST, DEMO_PASSWORD } from "@/server/auth/demo-accounts";
import { sealField } from "@/server/crypto/sealed-fields";
import { openTemplateText, sealAssignmentText } from "@/server/homework/sealing";
import { sealGoalText, sealRatingNote, sealStatusNote, sealStepText } from "@/server/goals/sealing";
import type {
  AgendaItemKind,
  CompletionStatus,
  HomeworkKind,
  HomeworkSchedule,
  NotificationKind,
  Prisma,
  PrismaClient,
} from "@/server/db/generated/client";
import { dbToLocalDate, localDateToDb } from "@/lib/homework/schedule";
import { localDay, wallClockToInstant } from "@/lib/time/zones";
import { STARTER_TEMPLATES, seedStarterTemplates, type TStarterTemplateTitle } from "./starter-templates";

const [THERAPIST, MAYA, SAM, PRIYA] = DEMO_ACCOUNTS;
const THERAPIST_TIME_ZONE = "Europe/London";

// ---------------------------------------------------------------- dates

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

function plusMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * MINUTE_MS);
}

function plusHours(date: Date, hours: number): Date {
  return plusMinutes(date, hours * 60);
}

function plusDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

function earliest(...dates: Date[]): Date {
  return new Date(Math.min(...dates.map((date) => date.getTime())));
}

/** The local calendar date at `at` in `timeZone`, as UTC midnight (the shape @db.Date takes). */
function localDate(at: Date, timeZone: string): Date {
  return localDateToDb(localDay(at, timeZone));
}

/** The instant at which the wall clock in `timeZone` shows `hour:minute` on `day` (a UTC-midnight date). */
function atLocalTime(day: Date, timeZone: string, hour: number, minute = 0): Date {
  const time = `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
  return wallClockToInstant(dbToLocalDate(day), time, timeZone);
}

// ---------------------------------------------------------------- story shapes

type TAuthor = "client" | "therapist";

type TAgendaSeed = {
  by: TAuthor;
  kind: AgendaItemKind;
  text: string;
  isDeferred?: boolean;
};

type TScores = { personal: number; relationships: number; social: number; overall: number };

type TFeedbackSeed = { feltHeard: number; workedOnWanted: number; approachFit: number; overall: number; comment?: string };

type TPastSessionSeed = {
  isCancelled?: boolean;
  location?: string;
  agenda: TAgendaSeed[];
  summary?: string;
  privateNote?: string;
  takeaway?: { body: string; isSharedWithTherapist: boolean };
  feedback?: TFeedbackSeed;
  checkIn?: TScores;
};

type TRatingSeed = number | { value: number; note: string };

// Rating series and step/status indices count COMPLETED sessions, oldest
// first: goals are reviewed in sessions that took place, not cancelled ones.
type TGoalSeed = {
  by: TAuthor;
  title: string;
  description: string;
  whyItMatters: string;
  targetInDays?: number;
  steps: { text: string; doneAfterSession?: number; doneBy?: TAuthor }[];
  clientRatings: TRatingSeed[];
  therapistRatings: TRatingSeed[];
  statusChange?: { to: "achieved" | "paused"; atSession: number; by: TAuthor; note: string };
};

type THomeworkContent = {
  title: string;
  instructions: string;
  kind: HomeworkKind;
  schedule: HomeworkSchedule;
  timesPerWeek: number | null;
};

type TCompletionSeed = {
  status: CompletionStatus;
  response?: string;
  difficulty?: number;
  helpfulness?: number;
  obstacle?: string;
  feedback?: string;
};

type THomeworkSeed = {
  content: TStarterTemplateTitle | THomeworkContent;
  /** Days between the client's local start date and their local today. */
  startDaysAgo: number;
  /** Inclusive length from startsOn to endsOn. */
  lengthDays: number;
  goal?: number;
  /** One per occurrence in order; null or missing = not done. Only past occurrences may have one. */
  completions: (TCompletionSeed | null)[];
};

type TJournalSeed = { daysAgo: number; hour: number; body: string; mood?: number; isShared?: boolean };

type TClientStory = {
  account: (typeof DEMO_ACCOUNTS)[1 | 2 | 3];
  timeZone: string;
  joinedDaysAgo: number;
  startedDaysAgo: number;
  /** Session time on the therapist's (London) clock. */
  sessionHour: number;
  nextSessionInDays: number;
  videoRoom: string;
  goals: TGoalSeed[];
  pastSessions: TPastSessionSeed[];
  nextSession: { agenda: TAgendaSeed[]; checkIn?: TScores };
  homework: THomeworkSeed[];
  journal: TJournalSeed[];
  /** Standard measures the therapist asked for; answers are for the latest completed sessions, oldest first. */
  measures?: TMeasureSeed[];
};

type TMeasureSeed = {
  kind: "phq9" | "gad7";
  schedule: "before_each_session" | "every_n_weeks";
  intervalWeeks?: number;
  answers: { items: number[]; difficulty: number }[];
};

// ---------------------------------------------------------------- stories

const CLINIC_ROOM = "Room 2, Harbour St clinic";

const MAYA_STORY: TClientStory = {
  account: MAYA,
  timeZone: "Europe/Stockholm",
  joinedDaysAgo: 48,
  startedDaysAgo: 48,
  sessionHour: 9,
  nextSessionInDays: 2,
  videoRoom: "demo-maya-lindqvist",
  measures: [
    {
      kind: "phq9",
      schedule: "before_each_session",
      answers: [
        { items: [2, 2, 2, 2, 1, 2, 2, 1, 0], difficulty: 2 },
        { items: [2, 2, 2, 1, 1, 1, 2, 0, 0], difficulty: 1 },
        { items: [1, 1, 2, 1, 1, 1, 1, 0, 0], difficulty: 1 },
        { items: [1, 1, 1, 1, 0, 1, 1, 0, 0], difficulty: 1 },
      ],
    },
  ],
  goals: [
    {
      by: "client",
      title: "Leave work at work",
      description: "Finish the working day at a set time on most days and stop checking email in the evening.",
      whyItMatters: "Evenings are when I see Johan and have time to paint. Lately I'm there, but not really there.",
      targetInDays: 30,
      steps: [
        { text: "Pick a finish time and put it in my calendar", doneAfterSession: 0, doneBy: "client" },
        { text: "Turn off email notifications on my phone after 18:00", doneAfterSession: 1, doneBy: "client" },
        { text: "Tell my manager about my finish time", doneAfterSession: 4, doneBy: "client" },
        { text: "Go three evenings in a row without opening my laptop" },
        { text: "Keep it going through the end-of-quarter rush" },
      ],
      clientRatings: [3, 4, 4, 5, 6, { value: 7, note: "Three evenings offline this week. Strange at first, then really nice." }],
      therapistRatings: [3, 3, 4, { value: 5, note: "Talking to your manager was a big step." }, 6, 6],
    },
    {
      by: "therapist",
      title: "Send work that is good enough",
      description: "Notice when I'm polishing something past the point where it helps, and send it anyway.",
      whyItMatters: "I spend hours on details nobody notices, and it leaves me exhausted and behind on everything else.",
      steps: [
        { text: "Notice and write down one moment a day when I'm over-checking", doneAfterSession: 1, doneBy: "client" },
        { text: "Set a time limit before starting a task", doneAfterSession: 2, doneBy: "client" },
        { text: "Send one email after reading it through only once", doneAfterSession: 3, doneBy: "client" },
        { text: "Share a draft with a colleague before it feels finished" },
      ],
      clientRatings: [2, 3, 3, { value: 5, note: "Sent the monthly report after one read-through. Nobody noticed anything!" }, 5, 6],
      therapistRatings: [3, 3, 4, 4, 5, 6],
    },
    {
      by: "client",
      title: "Sleep through the night again",
      description: "Get back to sleeping through most nights instead of waking at three and going over work.",
      whyItMatters: "Everything feels harder when I'm tired, and I end up working late to make up for it.",
      steps: [
        { text: "No screens for half an hour before bed", doneAfterSession: 0, doneBy: "client" },
        { text: "Same wake-up time on weekdays and weekends", doneAfterSession: 1, doneBy: "client" },
        { text: "Write tomorrow's worries on paper before bed", doneAfterSession: 2, doneBy: "therapist" },
      ],
      clientRatings: [4, 6, 7, 9],
      therapistRatings: [4, 5, 7, 8],
      statusChange: {
        to: "achieved",
        atSession: 3,
        by: "client",
        note: "Sleeping well for three weeks now. We agreed to call this one done.",
      },
    },
  ],
  pastSessions: [
    {
      agenda: [
        { by: "client", kind: "topic", text: "I want to understand why I can't switch off after work" },
        { by: "therapist", kind: "goal_review", text: "Agree on two or three goals to work on together" },
      ],
      summary:
        "We talked about how work follows you home in the evenings and at night, and agreed on three goals: leaving work at work, sending work that is good enough, and sleeping through the night. Before next time, try picking a finish time and put it in your calendar.",
      feedback: { feltHeard: 8, workedOnWanted: 7, approachFit: 7, overall: 7, comment: "Nervous at first, but it helped to say it all out loud." },
    },
    {
      agenda: [
        { by: "client", kind: "struggling", text: "Sleep was bad again this week. Awake at 3am going over emails." },
        { by: "client", kind: "question", text: "Is it normal to feel a bit worse after talking about all this?" },
      ],
      summary:
        "You've been waking around three and replaying the day. We looked at a simple wind-down routine and at writing worries on paper before bed. Feeling a little stirred up after sessions is common early on, and it's always fine to tell me when it happens.",
      feedback: { feltHeard: 9, workedOnWanted: 8, approachFit: 8, overall: 8 },
    },
    {
      location: CLINIC_ROOM,
      agenda: [
        { by: "client", kind: "homework_review", text: "The time-limit idea was harder than I expected" },
        { by: "therapist", kind: "topic", text: "What would 'good enough' look like for the monthly report?" },
      ],
      summary:
        "Good to meet in person while you were in London. Time limits were hard because stopping felt like giving up. We described what a good-enough monthly report would contain, so you have something concrete to check against.",
      privateNote:
        "High standards seem closely tied to how she expects others to judge her. Responds well to concrete experiments; keep them small and specific.",
      checkIn: { personal: 5, relationships: 6, social: 5, overall: 5 },
    },
    {
      agenda: [
        { by: "client", kind: "goal_review", text: "I think sleep might be sorted — can we check?" },
        { by: "client", kind: "topic", text: "My manager asked me to lead a new project and I said yes before thinking" },
      ],
      summary:
        "Sleep has been steady for three weeks, so we marked that goal as achieved — well done. We talked about the new project, and about pausing before saying yes next time: 'Let me check and get back to you' is a complete answer.",
      feedback: { feltHeard: 9, workedOnWanted: 9, approachFit: 8, overall: 8 },
      checkIn: { personal: 6, relationships: 6, social: 6, overall: 6 },
    },
    {
      agenda: [
        { by: "client", kind: "about_therapy", text: "Could we have a bit more structure at the start of sessions?" },
        { by: "client", kind: "topic", text: "Talking to my manager about my finish time" },
        { by: "therapist", kind: "homework_review", text: "How the thought records are going" },
      ],
      summary:
        "From now on we'll start each session by looking at the agenda together and choosing what matters most. We planned how to bring up your finish time with Erik, and started thought records for the moments when the worry about being judged shows up.",
      takeaway: {
        body: "Say the finish time as a plan, not a question. Structure at the start really helps me.",
        isSharedWithTherapist: true,
      },
      feedback: { feltHeard: 9, workedOnWanted: 9, approachFit: 9, overall: 9, comment: "The plan at the start made a real difference." },
      checkIn: { personal: 7, relationships: 7, social: 6, overall: 7 },
    },
    {
      agenda: [
        { by: "client", kind: "topic", text: "How it went telling my manager about my finish time" },
        { by: "client", kind: "avoided_topic", text: "Something with my sister I keep not bringing up", isDeferred: true },
        { by: "therapist", kind: "goal_review", text: "Check in on both goals" },
      ],
      summary:
        "Erik was fine with your finish time, which was a relief after weeks of dreading the conversation. We reviewed both goals and agreed to come back next time to what's been happening with your sister, when there's proper time for it.",
      feedback: { feltHeard: 9, workedOnWanted: 8, approachFit: 9, overall: 9 },
      checkIn: { personal: 7, relationships: 6, social: 7, overall: 7 },
    },
  ],
  nextSession: {
    agenda: [
      { by: "client", kind: "homework_review", text: "Thought records: I noticed a pattern on Sunday evenings" },
      { by: "client", kind: "question", text: "How do I keep this going when the busy season starts?" },
      { by: "therapist", kind: "goal_review", text: "Rate both goals together and choose the next steps" },
    ],
    checkIn: { personal: 7, relationships: 7, social: 7, overall: 8 },
  },
  homework: [
    {
      content: "Thought record",
      startDaysAgo: 11,
      lengthDays: 14,
      goal: 1,
      completions: [
        {
          status: "done",
          response:
            "What happened: Erik asked for the report 'when you get a chance'. Feeling: dread, 7/10. Thought: 'He thinks I'm slow.' What fits: he usually doesn't ask. What doesn't: he said there was no rush and he liked the last one. Balanced: he's busy and was being polite. Dread afterwards: 4/10.",
          difficulty: 2,
          helpfulness: 3,
          feedback:
            "This is a really clear record — you caught the exact words of the thought. Notice how much the feeling dropped once you wrote the balanced version.",
        },
        {
          status: "partly_done",
          response: "Started one about the team meeting but couldn't find a balanced thought I believed, so I stopped at step 4.",
          difficulty: 3,
          helpfulness: 2,
        },
        {
          status: "done",
          response:
            "Sunday evening, thinking about Monday. Anxious, 6/10. Thought: 'I'm going to fall behind again.' Actually I finished everything last week except one thing that wasn't urgent. Balanced: some weeks are busy and I usually manage. Afterwards: 4/10.",
          difficulty: 2,
          helpfulness: 3,
        },
        {
          status: "done",
          response:
            "Team meeting: Erik moved my item to next week. Feeling: hurt, 5/10. Thought: 'He doesn't trust me with it.' What doesn't fit: he moved three people's items because the meeting ran over. Balanced: it was about time, not about me. Afterwards: 2/10.",
          difficulty: 2,
          helpfulness: 4,
        },
      ],
    },
    {
      content: {
        title: "Close the laptop at your finish time",
        instructions:
          "Each evening this week, close your work laptop at the finish time you chose and put it somewhere out of sight. Afterwards, note what you did with the first hour of your evening and how it felt. If you do open it again, that's all right — just write down what pulled you back, so we can look at it together.",
        kind: "practice",
        schedule: "daily",
        timesPerWeek: null,
      },
      startDaysAgo: 4,
      lengthDays: 7,
      goal: 0,
      completions: [
        {
          status: "done",
          response: "Closed it at 17:30. Cooked with Johan. Felt restless for about twenty minutes, then fine.",
          difficulty: 3,
          helpfulness: 3,
        },
        {
          status: "skipped",
          obstacle: "The quarterly numbers were due the next morning and I opened it again at nine.",
          difficulty: 4,
          helpfulness: 1,
        },
        {
          status: "done",
          response: "Painted after dinner and didn't think about work until I went to bed.",
          difficulty: 1,
          helpfulness: 4,
        },
      ],
    },
  ],
  journal: [
    { daysAgo: 31, hour: 23, body: "Couldn't sleep again. Kept drafting a reply to Erik in my head.", mood: 3 },
    { daysAgo: 17, hour: 21, body: "Johan said I seemed lighter this week. I didn't notice, but maybe.", mood: 6 },
    {
      daysAgo: 8,
      hour: 20,
      body: "Writing this down so I remember it for our next session: I told Erik I'd finish at five on Fridays and he just said 'sure, makes sense'. All that worry for a two-second answer.",
      mood: 7,
      isShared: true,
    },
    { daysAgo: 3, hour: 22, body: "Painted for an hour tonight, first time since the summer. Forgot my phone was even in the room.", mood: 8 },
    { daysAgo: 1, hour: 21, body: "Sunday dread again, but smaller than usual.", mood: 6 },
  ],
};

const SAM_STORY: TClientStory = {
  account: SAM,
  timeZone: "America/New_York",
  joinedDaysAgo: 46,
  startedDaysAgo: 46,
  sessionHour: 15,
  nextSessionInDays: 3,
  measures: [
    {
      kind: "gad7",
      schedule: "every_n_weeks",
      intervalWeeks: 2,
      answers: [
        { items: [1, 2, 1, 2, 1, 1, 1], difficulty: 1 },
        { items: [2, 2, 2, 2, 1, 2, 1], difficulty: 2 },
      ],
    },
  ],
  videoRoom: "demo-sam-torres",
  goals: [
    {
      by: "therapist",
      title: "Build a small weekly routine",
      description: "Have a few fixed points in the week — the gym on Mondays, groceries on Saturday morning — so the days don't blur together.",
      whyItMatters: "When every day looks the same I stop doing anything at all.",
      steps: [
        { text: "Write down what a typical week looks like now", doneAfterSession: 0, doneBy: "client" },
        { text: "Pick two fixed points for the week", doneAfterSession: 1, doneBy: "client" },
        { text: "Keep both for two weeks in a row" },
        { text: "Add a third fixed point" },
      ],
      clientRatings: [4, 5, 3, 5, { value: 4, note: "Kept Mondays, lost Saturdays." }],
      therapistRatings: [4, 5, 4, 5, 5],
    },
    {
      by: "client",
      title: "Reconnect with people",
      description: "Get back in touch with a couple of friends from college and try one social thing here in the city.",
      whyItMatters: "I moved here for the job and realised I haven't had a real conversation outside work in months.",
      steps: [
        { text: "Make a list of people I miss", doneAfterSession: 1, doneBy: "client" },
        { text: "Text Marcus", doneAfterSession: 2, doneBy: "client" },
        { text: "Go to the climbing gym's beginner night" },
        { text: "Suggest a call with my brother" },
      ],
      clientRatings: [3, 4, 4, { value: 2, note: "Didn't reach out to anyone this week." }, 3],
      therapistRatings: [3, 4, 4, 3, 3],
    },
    {
      by: "therapist",
      title: "Get outside every day",
      description: "Spend at least a few minutes outdoors each day, even on work-from-home days.",
      whyItMatters: "On days I don't leave the apartment, the evening feels endless.",
      steps: [
        { text: "Walk to the corner café instead of ordering in", doneAfterSession: 0, doneBy: "client" },
        { text: "A ten-minute walk after work" },
        { text: "Try the river path at the weekend" },
      ],
      clientRatings: [5, 4, 3],
      therapistRatings: [5, 4, 4],
      statusChange: {
        to: "paused",
        atSession: 2,
        by: "therapist",
        note: "Paused for now: we agreed to focus on routine and people first, and come back to this one.",
      },
    },
  ],
  pastSessions: [
    {
      agenda: [
        { by: "client", kind: "topic", text: "The first months in the city have been harder than I expected" },
        { by: "therapist", kind: "goal_review", text: "Set our first goals" },
      ],
      summary:
        "You told me about the move and how quiet life has become outside work. We set three goals: a small weekly routine, reconnecting with people, and getting outside every day. Before next time, jot down what a typical week looks like right now.",
      feedback: { feltHeard: 8, workedOnWanted: 8, approachFit: 7, overall: 8, comment: "Good to finally talk to someone about the move." },
    },
    {
      agenda: [
        { by: "client", kind: "struggling", text: "Weekends are the worst. I barely leave the apartment." },
        { by: "client", kind: "question", text: "How long does it usually take before this starts to feel better?" },
      ],
      summary:
        "Weekends are the hardest part right now. There's no fixed timeline for feeling better, and small, regular changes tend to add up. You chose two fixed points for the week: the gym on Monday and groceries on Saturday morning.",
      feedback: { feltHeard: 7, workedOnWanted: 7, approachFit: 7, overall: 7 },
      checkIn: { personal: 4, relationships: 5, social: 3, overall: 4 },
    },
    {
      agenda: [
        { by: "client", kind: "homework_review", text: "The walks happened twice, then stopped" },
        { by: "therapist", kind: "topic", text: "What gets in the way on the days that don't work" },
      ],
      summary:
        "Two walks is a start. We looked at what gets in the way on the other days — mostly low energy after work. We agreed to pause the outdoor goal for now and put your energy into the routine and into reaching out to people.",
    },
    {
      isCancelled: true,
      agenda: [],
    },
    {
      agenda: [
        { by: "client", kind: "topic", text: "Texting Marcus went better than I thought" },
        { by: "client", kind: "about_therapy", text: "Sometimes I leave sessions not sure what to actually do differently" },
        { by: "therapist", kind: "goal_review", text: "Decide which goal to focus on first" },
      ],
      summary:
        "Marcus replied quickly and was glad to hear from you — that's great. You said you sometimes leave not knowing what to do differently, so we ended today by agreeing one concrete thing for the next two weeks: reaching out to one person twice a week.",
      takeaway: {
        body: "Marcus was glad I texted. People aren't as annoyed to hear from me as I assume.",
        isSharedWithTherapist: false,
      },
      feedback: { feltHeard: 7, workedOnWanted: 6, approachFit: 5, overall: 6, comment: "Okay. I felt a bit rushed at the end." },
      checkIn: { personal: 4, relationships: 5, social: 4, overall: 4 },
    },
    {
      agenda: [
        { by: "client", kind: "struggling", text: "Rough week. Work was slow and I had too much time to think." },
        { by: "client", kind: "topic", text: "My brother's visit next month — I'm nervous about it", isDeferred: true },
        { by: "therapist", kind: "homework_review", text: "How reaching out went this week" },
      ],
      summary:
        "A hard week with too much empty time. The call with Marcus was a bright spot. This week you'll keep a simple activity diary, so we can see which parts of the day help. We ran out of time for your brother's visit, so it's first on the list next time.",
      privateNote:
        "Feedback has dipped over the last few sessions and today's comment suggests he wants more concrete direction. Raise it openly next time, ask how the pace and approach feel, and offer a more structured plan for weekends.",
      feedback: {
        feltHeard: 5,
        workedOnWanted: 4,
        approachFit: 4,
        overall: 4,
        comment: "Felt like we went over the same ground again. I'm not sure what to do differently this week.",
      },
      checkIn: { personal: 3, relationships: 5, social: 3, overall: 3 },
    },
  ],
  nextSession: {
    agenda: [
      { by: "client", kind: "about_therapy", text: "I'm not sure the way we're working is right for me. Can we talk about it?" },
      { by: "client", kind: "question", text: "Could we try something more practical, like a plan for weekends?" },
      { by: "therapist", kind: "homework_review", text: "Go through the activity diary together" },
    ],
  },
  homework: [
    {
      content: "Activity and mood diary",
      startDaysAgo: 3,
      lengthDays: 7,
      goal: 0,
      completions: [
        {
          status: "done",
          response:
            "Morning: slept late, coffee. Afternoon: work calls (enjoyed 2, got things done 6). Evening: games (enjoyed 4, done 1). Tomorrow: walk to the café before work.",
          difficulty: 2,
          helpfulness: 2,
        },
        {
          status: "done",
          response: "Went to the café before work: enjoyed it 6, more than I expected. Evening was TV again.",
          difficulty: 2,
          helpfulness: 3,
          feedback: "The café walk scoring a 6 is worth noticing. Let's look at what made that morning work.",
        },
        { status: "skipped", obstacle: "Too tired to fill it in. Went to bed early.", difficulty: 3, helpfulness: 1 },
      ],
    },
    {
      content: {
        title: "Reach out to one person",
        instructions:
          "Twice a week, send a message or make a call to someone you'd like to be closer to: a friend from college, your brother, someone from work. It can be short — a photo, a question, 'thinking of you'. Afterwards, note who you contacted, how you felt before and after, and anything that got in the way.",
        kind: "practice",
        schedule: "weekly",
        timesPerWeek: 2,
      },
      startDaysAgo: 10,
      lengthDays: 14,
      goal: 1,
      completions: [
        {
          status: "done",
          response: "Called Marcus. We talked for almost an hour and he wants to visit in the spring.",
          difficulty: 3,
          helpfulness: 4,
          feedback: "That's wonderful. Notice how much you were dreading it beforehand compared with how it went.",
        },
        {
          status: "skipped",
          obstacle: "Wrote a message to my brother and deleted it. Didn't know what to say after so long.",
          difficulty: 4,
          helpfulness: 1,
        },
        {
          status: "partly_done",
          response: "Liked a few posts from college friends. Not really reaching out, but it's something.",
          difficulty: 2,
          helpfulness: 1,
        },
      ],
    },
  ],
  journal: [
    { daysAgo: 26, hour: 22, body: "Another Saturday on the couch. Told myself I'd go to the climbing gym and didn't.", mood: 3 },
    { daysAgo: 12, hour: 19, body: "Called Mom. It was nice, actually. She asked about the city and I didn't pretend it's all great.", mood: 6 },
    {
      daysAgo: 2,
      hour: 21,
      body: "Something I want to bring up but don't know how to say in the room: sometimes I feel like I'm doing therapy wrong. Like I should have more to report each week.",
      mood: 4,
      isShared: true,
    },
    { daysAgo: 1, hour: 23, body: "Quiet day. Walked to the café in the morning. Evening felt long.", mood: 4 },
  ],
};

const PRIYA_STORY: TClientStory = {
  account: PRIYA,
  timeZone: "Asia/Kolkata",
  joinedDaysAgo: 443,
  startedDaysAgo: 44,
  sessionHour: 10,
  nextSessionInDays: 5,
  videoRoom: "demo-priya-nair",
  goals: [
    {
      by: "client",
      title: "Make room for myself in the week",
      description: "Keep two evenings a week that are mine — not for work, and not for the family.",
      whyItMatters:
        "Since Papa's surgery I've said yes to everything, and I've started to feel resentful, which isn't who I want to be.",
      steps: [
        { text: "List what I do for the family each week", doneAfterSession: 0, doneBy: "client" },
        { text: "Ask my brother to take the Sunday visits", doneAfterSession: 2, doneBy: "client" },
        { text: "Keep one evening free this week" },
        { text: "Keep two evenings free every week for a month" },
      ],
      clientRatings: [5, 5, 5, 4, { value: 4, note: "Every free evening got used up by something." }],
      therapistRatings: [5, 5, 5, 5, 4],
    },
    {
      by: "therapist",
      title: "Feel calmer during the workday",
      description: "Have a couple of ways to bring the stress down when it spikes at work.",
      whyItMatters: "I snap at people when I'm wound up, then spend the evening replaying it.",
      steps: [
        { text: "Try the breathing practice three times", doneAfterSession: 2, doneBy: "client" },
        { text: "Notice the first sign that I'm getting wound up", doneAfterSession: 3, doneBy: "therapist" },
        { text: "Take a breathing break before the weekly team call" },
      ],
      clientRatings: [5, 5, { value: 4, note: "Helps at night, but I forget during the day." }, 5, 4],
      therapistRatings: [5, 5, 5, 4, 4],
    },
  ],
  pastSessions: [
    {
      agenda: [
        { by: "client", kind: "topic", text: "Papa's recovery, and who does what at home" },
        { by: "therapist", kind: "goal_review", text: "Agree on what we'll work on" },
      ],
      summary:
        "You've been carrying most of the care since your father's surgery, alongside a full-time job. We set two goals: making room for yourself in the week, and feeling calmer during the workday. It's good to see you again, in a new chapter.",
      feedback: { feltHeard: 8, workedOnWanted: 8, approachFit: 8, overall: 8 },
    },
    {
      agenda: [
        { by: "client", kind: "struggling", text: "I snapped at a colleague and felt awful for days" },
        { by: "client", kind: "question", text: "Is it selfish to want time for myself right now?" },
      ],
      summary:
        "We talked about the moment with your colleague and how tiredness makes everything sharper. Wanting some time for yourself isn't selfish; it's part of being able to keep caring for others. This week you'll try a few minutes of slow breathing, morning and evening.",
      feedback: { feltHeard: 9, workedOnWanted: 8, approachFit: 8, overall: 8 },
      checkIn: { personal: 5, relationships: 4, social: 6, overall: 5 },
    },
    {
      agenda: [
        { by: "client", kind: "homework_review", text: "The breathing helps at night but I forget during the day" },
        { by: "therapist", kind: "topic", text: "Asking your brother for help" },
      ],
      summary:
        "The breathing is helping in the evenings, and we thought about small daytime cues, like before the weekly team call. We also practised how you might ask your brother to take the Sunday visits.",
      feedback: { feltHeard: 8, workedOnWanted: 7, approachFit: 8, overall: 7, comment: "I was very tired today." },
    },
    {
      agenda: [
        { by: "client", kind: "topic", text: "My brother said yes to Sundays!" },
        { by: "client", kind: "avoided_topic", text: "How I actually feel about moving back home" },
      ],
      takeaway: {
        body: "I'm allowed to ask for help. Asking isn't the same as failing.",
        isSharedWithTherapist: false,
      },
      feedback: { feltHeard: 9, workedOnWanted: 8, approachFit: 8, overall: 8 },
      checkIn: { personal: 5, relationships: 4, social: 6, overall: 5 },
    },
    {
      agenda: [
        { by: "client", kind: "goal_review", text: "I don't feel like I'm moving on the 'time for me' goal" },
        { by: "client", kind: "topic", text: "The family wedding next month, and everything expected of me", isDeferred: true },
        { by: "therapist", kind: "homework_review", text: "How the reading is going so far" },
      ],
      summary:
        "The free evenings keep getting taken over, and it's understandable that this goal feels stuck. You're halfway through the reading, and the part about guilt when resting struck a chord. We'll start next time with the wedding, since we didn't get to it today.",
      feedback: { feltHeard: 8, workedOnWanted: 6, approachFit: 7, overall: 7 },
      checkIn: { personal: 5, relationships: 3, social: 5, overall: 4 },
    },
  ],
  nextSession: {
    agenda: [
      { by: "client", kind: "question", text: "Can we look at why my evenings keep getting taken over?" },
      { by: "therapist", kind: "goal_review", text: "Is the 'time for me' goal still the right size?" },
    ],
  },
  homework: [
    {
      content: {
        title: "Slow breathing, morning and evening",
        instructions:
          "Twice a day this week — once in the morning before you open your laptop, and once before bed — take five minutes for slow breathing. Breathe in for a count of about four and out for about six, letting the out-breath be the longer one. Afterwards, note how tense you felt before and after, from 0 to 10.",
        kind: "practice",
        schedule: "daily",
        timesPerWeek: null,
      },
      startDaysAgo: 22,
      lengthDays: 7,
      goal: 1,
      completions: [
        { status: "done", response: "Morning: tense 6, then 4. Evening on the balcony: 7, then 4.", difficulty: 1, helpfulness: 3 },
        { status: "done", response: "My mind wandered a lot, but I still felt slower afterwards.", difficulty: 2, helpfulness: 2 },
        { status: "skipped", obstacle: "Papa had a hospital appointment and the whole day went to that.", difficulty: 3, helpfulness: 0 },
        {
          status: "partly_done",
          response: "Did the morning one. The evening went to a work call that ran late.",
          difficulty: 2,
          helpfulness: 2,
          feedback: "One out of two still counts. A short practice you actually do beats a longer one you keep putting off.",
        },
        { status: "done", response: "Did it before bed and slept better than I have in a while.", difficulty: 1, helpfulness: 4 },
        { status: "done", response: "Tried the morning one at my desk before the team call. Felt a bit silly, but calmer.", difficulty: 2, helpfulness: 3 },
      ],
    },
    {
      content: {
        title: "Read: looking after yourself while caring for family",
        instructions:
          "Read the short chapter I sent you about looking after yourself while you care for someone in your family. Take your time. Afterwards, write a few lines: what felt true for you, what didn't fit your situation, and one small thing you'd like to try.",
        kind: "reading",
        schedule: "once",
        timesPerWeek: null,
      },
      startDaysAgo: 8,
      lengthDays: 10,
      goal: 0,
      completions: [],
    },
  ],
  journal: [
    { daysAgo: 20, hour: 22, body: "Papa walked to the end of the road today without the stick. He was so pleased with himself.", mood: 7 },
    { daysAgo: 9, hour: 23, body: "Too tired to write much. Hospital in the morning, work calls until ten.", mood: 3 },
    {
      daysAgo: 4,
      hour: 21,
      body: "For our next session: I realised I haven't had an evening to myself in three weeks. I keep planning one and then giving it away.",
      mood: 4,
      isShared: true,
    },
    { daysAgo: 1, hour: 22, body: "Did the breathing on the balcony. The street was quiet for once.", mood: 6 },
  ],
};

// ---------------------------------------------------------------- rows

type TRows = {
  users: Prisma.UserCreateManyInput[];
  engagements: Prisma.EngagementCreateManyInput[];
  goals: Prisma.GoalCreateManyInput[];
  goalStatusChanges: Prisma.GoalStatusChangeCreateManyInput[];
  goalSteps: Prisma.GoalStepCreateManyInput[];
  sessions: Prisma.TherapySessionCreateManyInput[];
  goalRatings: Prisma.GoalRatingCreateManyInput[];
  agendaItems: Prisma.AgendaItemCreateManyInput[];
  carriedAgendaItems: Prisma.AgendaItemCreateManyInput[];
  sessionNotes: Prisma.SessionNoteCreateManyInput[];
  sessionFeedback: Prisma.SessionFeedbackCreateManyInput[];
  checkIns: Prisma.CheckInCreateManyInput[];
  homeworkAssignments: Prisma.HomeworkAssignmentCreateManyInput[];
  homeworkOccurrences: Prisma.HomeworkOccurrenceCreateManyInput[];
  homeworkCompletions: Prisma.HomeworkCompletionCreateManyInput[];
  journalEntries: Prisma.JournalEntryCreateManyInput[];
  notifications: Prisma.NotificationCreateManyInput[];
  measureAssignments: Prisma.MeasureAssignmentCreateManyInput[];
  measureResponses: Prisma.MeasureResponseCreateManyInput[];
};

function emptyRows(): TRows {
  return {
    users: [],
    engagements: [],
    goals: [],
    goalStatusChanges: [],
    goalSteps: [],
    sessions: [],
    goalRatings: [],
    agendaItems: [],
    carriedAgendaItems: [],
    sessionNotes: [],
    sessionFeedback: [],
    checkIns: [],
    homeworkAssignments: [],
    homeworkOccurrences: [],
    homeworkCompletions: [],
    journalEntries: [],
    notifications: [],
    measureAssignments: [],
    measureResponses: [],
  };
}

/** The id a row was given when it was planned (every demo row gets one, so its text can be bound to it). */
function idOf(row: { id?: string }): string {
  if (!row.id) throw new Error("a demo row without an id cannot be sealed");
  return row.id;
}

/** Free text written as the app writes it: sealed (server/crypto/sealed-fields.ts). */
function sealRows(rows: TRows): TRows {
  const agenda = (item: Prisma.AgendaItemCreateManyInput) => ({
    ...item,
    text: sealField("agendaText", { sessionId: item.sessionId, authorId: item.authorId }, item.text),
  });
  const optional = <T extends string | null | undefined>(value: T, sealValue: (text: string) => string): T =>
    (typeof value === "string" ? sealValue(value) : value) as T;
  return {
    ...rows,
    goals: rows.goals.map((goal) => ({
      ...goal,
      ...sealGoalText(
        { engagementId: goal.engagementId, goalId: idOf(goal) },
        { title: goal.title, description: goal.description ?? "", whyItMatters: goal.whyItMatters ?? "" },
      ),
    })),
    goalStatusChanges: rows.goalStatusChanges.map((change) => ({
      ...change,
      note: optional(change.note, (text) => sealStatusNote(change.goalId, idOf(change), text)),
    })),
    goalSteps: rows.goalSteps.map((step) => ({ ...step, text: sealStepText(step.goalId, idOf(step), step.text) })),
    goalRatings: rows.goalRatings.map((rating) => ({
      ...rating,
      note: optional(rating.note, (text) => sealRatingNote(rating.goalId, idOf(rating), text)),
    })),
    homeworkAssignments: rows.homeworkAssignments.map((assignment) => ({
      ...assignment,
      ...sealAssignmentText({ engagementId: assignment.engagementId, assignmentId: idOf(assignment) }, assignment),
    })),
    measureResponses: rows.measureResponses.map((response) => ({
      ...response,
      answers: sealField(
        "measureAnswers",
        { engagementId: response.engagementId, assignmentId: response.assignmentId, periodKey: response.periodKey },
        response.answers,
      ),
    })),
    agendaItems: rows.agendaItems.map(agenda),
    carriedAgendaItems: rows.carriedAgendaItems.map(agenda),
    sessionNotes: rows.sessionNotes.map((note) => ({
      ...note,
      body: sealField("sessionNoteBody", { sessionId: note.sessionId, kind: note.kind }, note.body),
    })),
    sessionFeedback: rows.sessionFeedback.map((feedback) => ({
      ...feedback,
      comment: optional(feedback.comment, (text) => sealField("feedbackComment", { sessionId: feedback.sessionId }, text)),
    })),
    homeworkCompletions: rows.homeworkCompletions.map((completion) => {
      const owner = { occurrenceId: completion.occurrenceId };
      return {
        ...completion,
        response: optional(completion.response, (text) => sealField("completionResponse", owner, text)),
        obstacle: optional(completion.obstacle, (text) => sealField("completionObstacle", owner, text)),
        feedback: optional(completion.feedback, (text) => sealField("completionFeedback", owner, text)),
      };
    }),
    journalEntries: rows.journalEntries.map((entry) => ({
      ...entry,
      body: sealField("journalBody", { clientId: entry.clientId }, entry.body),
    })),
  };
}

// Parents before children; carried agenda items after the items they point at.
async function insertRows(tx: Prisma.TransactionClient, plainRows: TRows): Promise<void> {
  const rows = sealRows(plainRows);
  await tx.user.createMany({ data: rows.users });
  await tx.engagement.createMany({ data: rows.engagements });
  await tx.goal.createMany({ data: rows.goals });
  await tx.goalStatusChange.createMany({ data: rows.goalStatusChanges });
  await tx.goalStep.createMany({ data: rows.goalSteps });
  await tx.therapySession.createMany({ data: rows.sessions });
  await tx.goalRating.createMany({ data: rows.goalRatings });
  await tx.agendaItem.createMany({ data: rows.agendaItems });
  await tx.agendaItem.createMany({ data: rows.carriedAgendaItems });
  await tx.sessionNote.createMany({ data: rows.sessionNotes });
  await tx.sessionFeedback.createMany({ data: rows.sessionFeedback });
  await tx.checkIn.createMany({ data: rows.checkIns });
  await tx.homeworkAssignment.createMany({ data: rows.homeworkAssignments });
  await tx.homeworkOccurrence.createMany({ data: rows.homeworkOccurrences });
  await tx.homeworkCompletion.createMany({ data: rows.homeworkCompletions });
  await tx.journalEntry.createMany({ data: rows.journalEntries });
  await tx.notification.createMany({ data: rows.notifications });
  await tx.measureAssignment.createMany({ data: rows.measureAssignments });
  await tx.measureResponse.createMany({ data: rows.measureResponses });
}

type TContext = {
  now: Date;
  rows: TRows;
  passwordHash: string;
  therapistId: string;
  templateIds: Map<string, string>;
};

type TPeople = { therapistId: string; clientId: string };

function authorId(people: TPeople, by: TAuthor): string {
  return by === "client" ? people.clientId : people.therapistId;
}

function firstName(name: string): string {
  return name.split(" ")[0] ?? name;
}

type TAccount = { role: "therapist" | "client"; email: string; name: string };

function addUser(rows: TRows, passwordHash: string, account: TAccount, timeZone: string, createdAt: Date): string {
  const id = crypto.randomUUID();
  rows.users.push({
    id,
    email: account.email,
    name: account.name,
    role: account.role,
    passwordHash,
    timeZone,
    createdAt,
    updatedAt: createdAt,
  });
  return id;
}

// ---------------------------------------------------------------- sessions

type TPlannedSession = { id: string; startsAt: Date; endsAt: Date; seed: TPastSessionSeed };

type TSessionPlan = { completed: TPlannedSession[]; lastCompleted: TPlannedSession; next: { id: string; startsAt: Date } };

function sessionStart(ctx: TContext, story: TClientStory, dayOffset: number): Date {
  const day = plusDays(localDate(ctx.now, THERAPIST_TIME_ZONE), dayOffset);
  return atLocalTime(day, THERAPIST_TIME_ZONE, story.sessionHour);
}

function addSessions(ctx: TContext, story: TClientStory, engagementId: string): TSessionPlan {
  const place = (seed?: TPastSessionSeed) =>
    seed?.location ? { location: seed.location, videoUrl: "" } : { location: "", videoUrl: `https://video.example.org/room/${story.videoRoom}` };
  const weeksBack = story.pastSessions.length;
  const completed: TPlannedSession[] = [];

  story.pastSessions.forEach((seed, index) => {
    const startsAt = sessionStart(ctx, story, story.nextSessionInDays - 7 * (weeksBack - index));
    const id = crypto.randomUUID();
    const createdAt = plusDays(startsAt, -7);
    ctx.rows.sessions.push({
      id,
      engagementId,
      startsAt,
      durationMinutes: 50,
      status: seed.isCancelled ? "cancelled" : "completed",
      cancelledAt: seed.isCancelled ? plusHours(startsAt, -26) : null,
      createdById: ctx.therapistId,
      createdAt,
      ...place(seed),
    });
    if (!seed.isCancelled) completed.push({ id, startsAt, endsAt: plusMinutes(startsAt, 50), seed });
  });

  const lastCompleted = completed.at(-1);
  if (!lastCompleted) throw new Error(`demo story for ${story.account.email} has no completed session`);
  const next = { id: crypto.randomUUID(), startsAt: sessionStart(ctx, story, story.nextSessionInDays) };
  ctx.rows.sessions.push({
    id: next.id,
    engagementId,
    startsAt: next.startsAt,
    durationMinutes: 50,
    status: "scheduled",
    createdById: ctx.therapistId,
    createdAt: lastCompleted.endsAt,
    ...place(),
  });
  return { completed, lastCompleted, next };
}

function addPastAgenda(ctx: TContext, people: TPeople, session: TPlannedSession): void {
  session.seed.agenda.forEach((item, position) => {
    const createdAt = item.by === "client" ? plusDays(session.startsAt, -2 + position * 0.1) : plusDays(session.startsAt, -1);
    ctx.rows.agendaItems.push({
      id: crypto.randomUUID(),
      sessionId: session.id,
      authorId: authorId(people, item.by),
      text: item.text,
      kind: item.kind,
      position,
      status: item.isDeferred ? "deferred" : "discussed",
      statusChangedAt: plusMinutes(session.startsAt, 15 + 12 * position),
      createdAt,
    });
  });
}

/** Adds the next session's agenda; returns how many items the client added themselves. */
function addNextAgenda(ctx: TContext, people: TPeople, plan: TSessionPlan, story: TClientStory): number {
  const deferred = ctx.rows.agendaItems.find((item) => item.sessionId === plan.lastCompleted.id && item.status === "deferred");
  let position = 0;
  if (deferred) {
    ctx.rows.carriedAgendaItems.push({
      id: crypto.randomUUID(),
      sessionId: plan.next.id,
      authorId: deferred.authorId,
      text: deferred.text,
      kind: deferred.kind,
      position: position++,
      status: "open",
      carriedFromId: deferred.id,
      createdAt: plan.lastCompleted.endsAt,
    });
  }
  story.nextSession.agenda.forEach((item, index) => {
    ctx.rows.agendaItems.push({
      id: crypto.randomUUID(),
      sessionId: plan.next.id,
      authorId: authorId(people, item.by),
      text: item.text,
      kind: item.kind,
      position: position++,
      status: "open",
      createdAt: plusHours(ctx.now, -(story.nextSession.agenda.length - index) * 3),
    });
  });
  return story.nextSession.agenda.filter((item) => item.by === "client").length;
}

function addSessionRecords(ctx: TContext, people: TPeople, engagementId: string, session: TPlannedSession): void {
  const { seed } = session;
  const note = (kind: "shared_summary" | "therapist_private" | "client_takeaway", by: TAuthor, body: string, minutesAfter: number, isShared = false) =>
    ctx.rows.sessionNotes.push({
      id: crypto.randomUUID(),
      sessionId: session.id,
      kind,
      authorId: authorId(people, by),
      body,
      isSharedWithTherapist: isShared,
      createdAt: plusMinutes(session.endsAt, minutesAfter),
      updatedAt: plusMinutes(session.endsAt, minutesAfter),
    });
  if (seed.summary) note("shared_summary", "therapist", seed.summary, 60);
  if (seed.privateNote) note("therapist_private", "therapist", seed.privateNote, 20);
  if (seed.takeaway) note("client_takeaway", "client", seed.takeaway.body, 240, seed.takeaway.isSharedWithTherapist);

  if (seed.feedback) {
    ctx.rows.sessionFeedback.push({
      id: crypto.randomUUID(),
      sessionId: session.id,
      clientId: people.clientId,
      ...seed.feedback,
      comment: seed.feedback.comment ?? "",
      createdAt: earliest(plusHours(session.endsAt, 3), plusMinutes(ctx.now, -30)),
    });
  }
  if (seed.checkIn) addCheckIn(ctx, people, engagementId, session.id, seed.checkIn, plusHours(session.startsAt, -20));
}

function addCheckIn(ctx: TContext, people: TPeople, engagementId: string, sessionId: string, scores: TScores, createdAt: Date): void {
  ctx.rows.checkIns.push({ id: crypto.randomUUID(), engagementId, clientId: people.clientId, sessionId, ...scores, createdAt });
}

// ---------------------------------------------------------------- goals

function ratingValue(rating: TRatingSeed): { value: number; note: string } {
  return typeof rating === "number" ? { value: rating, note: "" } : rating;
}

function addGoals(ctx: TContext, people: TPeople, engagementId: string, story: TClientStory, completed: TPlannedSession[]): string[] {
  const first = completed[0];
  if (!first) return [];
  const sessionAt = (index: number) => {
    const session = completed[index];
    if (!session) throw new Error(`demo goal for ${story.account.email} refers to completed session ${index}, which does not exist`);
    return session;
  };
  // Clients tick steps off between sessions; therapists do it in the session.
  const stepDoneAt = (sessionIndex: number, by: TAuthor) => {
    const session = sessionAt(sessionIndex);
    return earliest(by === "client" ? plusDays(session.endsAt, 3) : session.endsAt, plusHours(ctx.now, -2));
  };
  const clientToday = localDate(ctx.now, story.timeZone);

  return story.goals.map((goal, position) => {
    const id = crypto.randomUUID();
    const createdById = authorId(people, goal.by);
    const createdAt = plusMinutes(first.endsAt, 5 + position);
    const change = goal.statusChange;
    const changedAt = change ? plusMinutes(sessionAt(change.atSession).startsAt, 40) : undefined;

    ctx.rows.goals.push({
      id,
      engagementId,
      title: goal.title,
      description: goal.description,
      whyItMatters: goal.whyItMatters,
      status: change?.to ?? "active",
      targetDate: goal.targetInDays === undefined ? null : plusDays(clientToday, goal.targetInDays),
      position,
      createdById,
      version: change ? 2 : 1,
      createdAt,
      updatedAt: changedAt ?? createdAt,
    });

    ctx.rows.goalStatusChanges.push({ id: crypto.randomUUID(), goalId: id, fromStatus: null, toStatus: "active", changedById: createdById, createdAt });
    if (change && changedAt) {
      ctx.rows.goalStatusChanges.push({
        id: crypto.randomUUID(),
        goalId: id,
        fromStatus: "active",
        toStatus: change.to,
        note: change.note,
        changedById: authorId(people, change.by),
        createdAt: changedAt,
      });
    }

    goal.steps.forEach((step, stepPosition) => {
      const doneBy = step.doneBy ?? "client";
      const isDone = step.doneAfterSession !== undefined;
      ctx.rows.goalSteps.push({
        id: crypto.randomUUID(),
        goalId: id,
        text: step.text,
        position: stepPosition,
        doneAt: step.doneAfterSession === undefined ? null : stepDoneAt(step.doneAfterSession, doneBy),
        doneById: isDone ? authorId(people, doneBy) : null,
        createdById,
        createdAt,
      });
    });

    const addSeries = (series: TRatingSeed[], by: TAuthor, minutesIn: number) =>
      series.forEach((rating, index) => {
        const session = sessionAt(index);
        ctx.rows.goalRatings.push({
          id: crypto.randomUUID(),
          goalId: id,
          authorId: authorId(people, by),
          authorRole: by,
          ...ratingValue(rating),
          sessionId: session.id,
          createdAt: plusMinutes(session.startsAt, minutesIn + position),
        });
      });
    addSeries(goal.clientRatings, "client", 30);
    addSeries(goal.therapistRatings, "therapist", 35);
    return id;
  });
}

// ---------------------------------------------------------------- homework

type TWindow = { opensOn: Date; dueOn: Date };

// Weekly N×/week splits each week from startsOn into N back-to-back windows,
// so the occurrences are spread across the week rather than bunched at its start.
function occurrenceWindows(schedule: HomeworkSchedule, startsOn: Date, endsOn: Date, timesPerWeek: number | null): TWindow[] {
  if (schedule === "once") return [{ opensOn: startsOn, dueOn: endsOn }];
  const windows: TWindow[] = [];
  if (schedule === "daily") {
    for (let day = startsOn; day <= endsOn; day = plusDays(day, 1)) windows.push({ opensOn: day, dueOn: day });
    return windows;
  }
  const perWeek = Math.max(1, timesPerWeek ?? 1);
  for (let weekStart = startsOn; weekStart <= endsOn; weekStart = plusDays(weekStart, 7)) {
    for (let slot = 0; slot < perWeek; slot++) {
      const opensOn = plusDays(weekStart, Math.floor((slot * 7) / perWeek));
      if (opensOn > endsOn) break;
      const dueOn = earliest(plusDays(weekStart, Math.floor(((slot + 1) * 7) / perWeek) - 1), endsOn);
      windows.push({ opensOn, dueOn });
    }
  }
  return windows;
}

function homeworkContent(content: THomeworkSeed["content"]): THomeworkContent {
  if (typeof content !== "string") return content;
  const template = STARTER_TEMPLATES.find((candidate) => candidate.title === content);
  if (!template) throw new Error(`unknown starter template ${content}`);
  return {
    title: template.title,
    instructions: template.instructions,
    kind: template.kind,
    schedule: template.schedule,
    timesPerWeek: template.timesPerWeek,
  };
}

type THomeworkRef = { id: string; assignedAt: Date; isDueToday: boolean };

// Homework is agreed in a session: the assignment is dated at the end of the
// last session held before its first day ends in the client's zone.
function assignedAtSession(completed: TPlannedSession[], startsOn: Date, timeZone: string): Date {
  const firstDayEnds = atLocalTime(plusDays(startsOn, 1), timeZone, 0);
  const held = completed.filter((session) => session.endsAt < firstDayEnds).at(-1);
  return held ? held.endsAt : atLocalTime(plusDays(startsOn, -1), timeZone, 18);
}

function addHomework(
  ctx: TContext,
  people: TPeople,
  engagementId: string,
  story: TClientStory,
  goalIds: string[],
  completed: TPlannedSession[],
): THomeworkRef[] {
  const clientToday = localDate(ctx.now, story.timeZone);

  return story.homework.map((homework) => {
    const id = crypto.randomUUID();
    const content = homeworkContent(homework.content);
    const startsOn = plusDays(clientToday, -homework.startDaysAgo);
    const endsOn = plusDays(startsOn, homework.lengthDays - 1);
    const assignedAt = assignedAtSession(completed, startsOn, story.timeZone);
    ctx.rows.homeworkAssignments.push({
      id,
      engagementId,
      templateId: typeof homework.content === "string" ? (ctx.templateIds.get(homework.content) ?? null) : null,
      goalId: homework.goal === undefined ? null : (goalIds[homework.goal] ?? null),
      assignedById: people.therapistId,
      ...content,
      timesPerWeek: content.schedule === "weekly" ? content.timesPerWeek : null,
      startsOn,
      endsOn,
      createdAt: assignedAt,
      updatedAt: assignedAt,
    });

    const windows = occurrenceWindows(content.schedule, startsOn, endsOn, content.timesPerWeek);
    windows.forEach((window, index) => {
      const occurrenceId = crypto.randomUUID();
      ctx.rows.homeworkOccurrences.push({ id: occurrenceId, assignmentId: id, ...window });
      const completion = homework.completions[index];
      if (!completion) return;
      if (window.dueOn >= clientToday) throw new Error(`demo homework "${content.title}" completes occurrence ${index}, which is not past yet`);
      addCompletion(ctx, people, story.timeZone, occurrenceId, window.dueOn, index, completion);
    });
    const isDueToday = windows.some((window) => window.dueOn.getTime() === clientToday.getTime());
    return { id, assignedAt, isDueToday };
  });
}

function addCompletion(
  ctx: TContext,
  people: TPeople,
  timeZone: string,
  occurrenceId: string,
  dueOn: Date,
  index: number,
  seed: TCompletionSeed,
): void {
  const completedAt = atLocalTime(dueOn, timeZone, 19 + (index % 3), (index * 17) % 60);
  const hasFeedback = seed.feedback !== undefined;
  ctx.rows.homeworkCompletions.push({
    id: crypto.randomUUID(),
    occurrenceId,
    clientId: people.clientId,
    status: seed.status,
    response: seed.response ?? "",
    difficulty: seed.difficulty ?? null,
    helpfulness: seed.helpfulness ?? null,
    obstacle: seed.obstacle ?? "",
    feedback: seed.feedback ?? null,
    feedbackById: hasFeedback ? people.therapistId : null,
    feedbackAt: hasFeedback ? earliest(plusHours(completedAt, 14), plusMinutes(ctx.now, -30)) : null,
    completedAt,
  });
}

// ---------------------------------------------------------------- journal

function addJournal(ctx: TContext, people: TPeople, engagementId: string, story: TClientStory): void {
  const clientToday = localDate(ctx.now, story.timeZone);
  for (const entry of story.journal) {
    const createdAt = earliest(atLocalTime(plusDays(clientToday, -entry.daysAgo), story.timeZone, entry.hour), plusHours(ctx.now, -1));
    const sharedAt = entry.isShared ? plusMinutes(createdAt, 10) : null;
    ctx.rows.journalEntries.push({
      id: crypto.randomUUID(),
      clientId: people.clientId,
      body: entry.body,
      mood: entry.mood ?? null,
      visibility: entry.isShared ? "shared" : "private",
      sharedEngagementId: entry.isShared ? engagementId : null,
      sharedAt,
      createdAt,
      updatedAt: sharedAt ?? createdAt,
    });
  }
}

// ---------------------------------------------------------------- clients

type TClientRefs = {
  story: TClientStory;
  clientId: string;
  startedAt: Date;
  nextSession: { id: string; startsAt: Date };
  lastCompleted: TPlannedSession;
  newAgendaItemCount: number;
  homework: THomeworkRef[];
};

function addClientStory(ctx: TContext, story: TClientStory): TClientRefs {
  const clientId = addUser(ctx.rows, ctx.passwordHash, story.account, story.timeZone, plusDays(ctx.now, -story.joinedDaysAgo));
  const people = { therapistId: ctx.therapistId, clientId };
  const engagementId = crypto.randomUUID();
  const startedAt = plusDays(ctx.now, -story.startedDaysAgo);
  ctx.rows.engagements.push({
    id: engagementId,
    therapistId: ctx.therapistId,
    clientId,
    status: "active",
    startedAt,
    createdAt: plusDays(startedAt, -2),
    updatedAt: startedAt,
  });

  const plan = addSessions(ctx, story, engagementId);
  for (const session of plan.completed) {
    addPastAgenda(ctx, people, session);
    addSessionRecords(ctx, people, engagementId, session);
  }
  const newAgendaItemCount = addNextAgenda(ctx, people, plan, story);
  if (story.nextSession.checkIn) addCheckIn(ctx, people, engagementId, plan.next.id, story.nextSession.checkIn, plusHours(ctx.now, -2));

  const goalIds = addGoals(ctx, people, engagementId, story, plan.completed);
  const homework = addHomework(ctx, people, engagementId, story, goalIds, plan.completed);
  addJournal(ctx, people, engagementId, story);
  addMeasures(ctx, people, engagementId, story, plan.completed);

  return { story, clientId, startedAt, nextSession: plan.next, lastCompleted: plan.lastCompleted, newAgendaItemCount, homework };
}

/**
 * Each measure asked for from the start of the work; its answers were given
 * the day before each of the latest sessions (before every session) or every
 * N weeks back from today; either way the next one is open now.
 */
function addMeasures(ctx: TContext, people: TPeople, engagementId: string, story: TClientStory, completed: TPlannedSession[]): void {
  for (const measure of story.measures ?? []) {
    const assignmentId = crypto.randomUUID();
    const count = measure.answers.length;
    const weeks = measure.intervalWeeks ?? 1;
    const sessions = completed.slice(-count);
    const isBeforeSessions = measure.schedule === "before_each_session";
    const createdAt = isBeforeSessions ? plusDays(sessions[0]!.startsAt, -3) : plusDays(ctx.now, -7 * weeks * count - 1);
    ctx.rows.measureAssignments.push({
      id: assignmentId,
      engagementId,
      kind: measure.kind,
      schedule: measure.schedule,
      intervalWeeks: measure.schedule === "every_n_weeks" ? weeks : null,
      assignedById: people.therapistId,
      createdAt,
    });
    measure.answers.forEach((answer, index) => {
      const session = isBeforeSessions ? sessions[index]! : null;
      const completedAt = session ? plusHours(session.startsAt, -20) : plusDays(createdAt, 7 * weeks * index + 1);
      ctx.rows.measureResponses.push({
        id: crypto.randomUUID(),
        assignmentId,
        engagementId,
        clientId: people.clientId,
        kind: measure.kind,
        periodKey: session ? `session:${session.id}` : `every:${index}`,
        answers: JSON.stringify(answer.items),
        difficulty: answer.difficulty,
        total: answer.items.reduce((sum, value) => sum + value, 0),
        completedAt,
        createdAt: completedAt,
        updatedAt: completedAt,
      });
    });
  }
}

// Priya's earlier work with Dr. Moreau: ended, read-only, one goal achieved.
function addFormerEngagement(ctx: TContext, formerTherapistId: string, clientId: string): void {
  const people = { therapistId: formerTherapistId, clientId };
  const engagementId = crypto.randomUUID();
  const startedAt = plusDays(ctx.now, -440);
  const endedAt = plusDays(ctx.now, -180);
  ctx.rows.engagements.push({
    id: engagementId,
    therapistId: formerTherapistId,
    clientId,
    status: "ended",
    startedAt,
    endedAt,
    endedById: formerTherapistId,
    createdAt: plusDays(startedAt, -3),
    updatedAt: endedAt,
  });

  const goalId = crypto.randomUUID();
  const createdAt = plusDays(startedAt, 8);
  const achievedAt = plusDays(endedAt, -21);
  ctx.rows.goals.push({
    id: goalId,
    engagementId,
    title: "Speak up in meetings and give the quarterly presentation",
    description: "Say at least one thing in each team meeting, and present the quarterly results myself.",
    whyItMatters: "I keep letting others present my work, and then I feel invisible.",
    status: "achieved",
    position: 0,
    createdById: formerTherapistId,
    version: 2,
    createdAt,
    updatedAt: achievedAt,
  });
  ctx.rows.goalStatusChanges.push(
    { id: crypto.randomUUID(), goalId, fromStatus: null, toStatus: "active", changedById: formerTherapistId, createdAt },
    {
      id: crypto.randomUUID(),
      goalId,
      fromStatus: "active",
      toStatus: "achieved",
      note: "Gave the presentation. Shaky start, but I finished it and took questions.",
      changedById: clientId,
      createdAt: achievedAt,
    },
  );
  const steps = [
    "Say one thing in the Monday meeting",
    "Ask a question in the all-hands",
    "Present one slide at the team review",
    "Give the quarterly presentation",
  ];
  steps.forEach((text, position) => {
    ctx.rows.goalSteps.push({
      id: crypto.randomUUID(),
      goalId,
      text,
      position,
      doneAt: plusDays(createdAt, 40 * (position + 1)),
      doneById: clientId,
      createdById: formerTherapistId,
      createdAt,
    });
  });
  const series: [number, number][] = [[3, 3], [5, 4], [6, 6], [9, 8]];
  series.forEach(([clientValue, therapistValue], index) => {
    const at = plusDays(createdAt, 60 * index);
    ctx.rows.goalRatings.push(
      { id: crypto.randomUUID(), goalId, authorId: authorId(people, "client"), authorRole: "client", value: clientValue, createdAt: at },
      { id: crypto.randomUUID(), goalId, authorId: authorId(people, "therapist"), authorRole: "therapist", value: therapistValue, createdAt: plusMinutes(at, 5) },
    );
  });
}

// ---------------------------------------------------------------- notifications

type TDemoClients = { maya: TClientRefs; sam: TClientRefs; priya: TClientRefs };

// Titles stay non-clinical: they may surface on a lock screen or in an e-mail.
function addNotifications(ctx: TContext, { maya, sam, priya }: TDemoClients): void {
  const notify = (userId: string, kind: NotificationKind, title: string, linkPath: string, createdAt: Date, isRead: boolean) =>
    ctx.rows.notifications.push({
      id: crypto.randomUUID(),
      userId,
      kind,
      title,
      linkPath,
      createdAt,
      readAt: isRead ? earliest(plusHours(createdAt, 2), plusMinutes(ctx.now, -10)) : null,
    });
  const name = (client: TClientRefs) => firstName(client.story.account.name);
  const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

  notify(ctx.therapistId, "invitation_accepted", `${name(priya)} accepted your invitation`, "/caseload", priya.startedAt, true);
  notify(ctx.therapistId, "feedback_received", `${name(maya)} left feedback on a session`, "/caseload", plusHours(maya.lastCompleted.endsAt, 3), true);
  notify(ctx.therapistId, "feedback_received", `${name(sam)} left feedback on a session`, "/caseload", plusHours(sam.lastCompleted.endsAt, 3), false);
  for (const client of [sam, maya]) {
    const title = `${name(client)} added ${plural(client.newAgendaItemCount, "agenda item")}`;
    notify(ctx.therapistId, "agenda_item_added", title, `/sessions/${client.nextSession.id}`, plusHours(ctx.now, client === sam ? -5 : -2), false);
  }

  for (const client of [maya, sam, priya]) {
    const latest = client.homework.reduce((a, b) => (b.assignedAt > a.assignedAt ? b : a));
    notify(client.clientId, "homework_assigned", "New homework from your therapist", `/homework/${latest.id}`, latest.assignedAt, true);
    const dueToday = client.homework.find((homework) => homework.isDueToday);
    const morning = earliest(atLocalTime(localDate(ctx.now, client.story.timeZone), client.story.timeZone, 8), plusMinutes(ctx.now, -10));
    if (dueToday) notify(client.clientId, "homework_due", "You have homework due today", `/homework/${dueToday.id}`, morning, false);
  }
  const reminder = `Your next session is in ${plural(maya.story.nextSessionInDays, "day")}`;
  notify(maya.clientId, "agenda_reminder", reminder, `/sessions/${maya.nextSession.id}`, plusHours(ctx.now, -1), false);
}

// ---------------------------------------------------------------- entry point

/**
 * Seeds the demo once. Returns { seeded: false } without writing anything when
 * the demo therapist already exists; otherwise writes everything in one
 * transaction, so a failure leaves no half-built demo behind.
 */
export async function seedDemo(db: PrismaClient, now: Date = new Date()): Promise<{ seeded: boolean }> {
  const existing = await db.user.findUnique({ where: { email: THERAPIST.email }, select: { id: true } });
  if (existing) return { seeded: false };

  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await db.$transaction(
    async (tx) => {
      await seedStarterTemplates(tx);
      const templates = await tx.homeworkTemplate.findMany({
        where: { ownerId: null, archivedAt: null },
        select: { id: true, title: true, instructions: true },
      });
      const rows = emptyRows();
      const ctx: TContext = {
        now,
        rows,
        passwordHash,
        therapistId: addUser(rows, passwordHash, THERAPIST, THERAPIST_TIME_ZONE, plusDays(now, -400)),
        templateIds: new Map(templates.map(openTemplateText).map((template) => [template.title, template.id])),
      };
      const formerTherapistId = addUser(rows, passwordHash, DEMO_FORMER_THERAPIST, "Europe/Paris", plusDays(now, -900));

      const clients = {
        maya: addClientStory(ctx, MAYA_STORY),
        sam: addClientStory(ctx, SAM_STORY),
        priya: addClientStory(ctx, PRIYA_STORY),
      };
      addFormerEngagement(ctx, formerTherapistId, clients.priya.clientId);
      addNotifications(ctx, clients);

      await insertRows(tx, rows);
    },
    { timeout: 60_000 },
  );
  return { seeded: true };
}
