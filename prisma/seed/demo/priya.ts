// Priya, in Kolkata: caring for her father since his surgery, back in therapy
// with Dr. Okafor after earlier work with Dr. Moreau (ended, read-only). Time
// for herself keeps getting given away.
import { DEMO_PRIYA, FORMER_THERAPIST } from "./people";
import type { TClientStory } from "./types";

export const PRIYA: TClientStory = {
  account: DEMO_PRIYA,
  timeZone: "Asia/Kolkata",
  joinedDaysAgo: 443,
  startedDaysAgo: 44,
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
      when: { daysAgo: 30, at: "10:00" },
      agenda: [
        { by: "client", kind: "topic", text: "Papa's recovery, and who does what at home" },
        { by: "therapist", kind: "goal_review", text: "Agree on what we'll work on" },
      ],
      summary:
        "You've been carrying most of the care since your father's surgery, alongside a full-time job. We set two goals: making room for yourself in the week, and feeling calmer during the workday. It's good to see you again, in a new chapter.",
      feedback: { feltHeard: 8, workedOnWanted: 8, approachFit: 8, overall: 8 },
    },
    {
      when: { daysAgo: 23, at: "10:00" },
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
      when: { daysAgo: 16, at: "10:00" },
      agenda: [
        { by: "client", kind: "homework_review", text: "The breathing helps at night but I forget during the day" },
        { by: "therapist", kind: "topic", text: "Asking your brother for help" },
      ],
      summary:
        "The breathing is helping in the evenings, and we thought about small daytime cues, like before the weekly team call. We also practised how you might ask your brother to take the Sunday visits.",
      feedback: { feltHeard: 8, workedOnWanted: 7, approachFit: 8, overall: 7, comment: "I was very tired today." },
    },
    {
      when: { daysAgo: 9, at: "10:00" },
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
      when: { daysAgo: 2, at: "10:00" },
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
    when: { inDays: 5, at: "10:00" },
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
    { when: { daysAgo: 20, at: "22:00" }, body: "Papa walked to the end of the road today without the stick. He was so pleased with himself.", mood: 7 },
    { when: { daysAgo: 9, at: "23:00" }, body: "Too tired to write much. Hospital in the morning, work calls until ten.", mood: 3 },
    {
      when: { daysAgo: 4, at: "21:00" },
      body: "For our next session: I realised I haven't had an evening to myself in three weeks. I keep planning one and then giving it away.",
      mood: 4,
      isShared: true,
    },
    { when: { daysAgo: 1, at: "22:00" }, body: "Did the breathing on the balcony. The street was quiet for once.", mood: 6 },
  ],
  notices: [
    { to: "therapist", kind: "invitation_accepted", title: "Priya accepted your invitation", link: "caseload", when: "started", isRead: true },
    { to: "client", kind: "homework_assigned", title: "New homework from your therapist", link: { homework: 1 }, when: { homeworkAssigned: 1 }, isRead: true },
  ],
  earlierWork: {
    therapist: FORMER_THERAPIST,
    startedDaysAgo: 440,
    endedDaysAgo: 180,
    goal: {
      title: "Speak up in meetings and give the quarterly presentation",
      description: "Say at least one thing in each team meeting, and present the quarterly results myself.",
      whyItMatters: "I keep letting others present my work, and then I feel invisible.",
      createdDaysAgo: 432,
      achieved: { daysAgo: 201, note: "Gave the presentation. Shaky start, but I finished it and took questions." },
      steps: [
        { text: "Say one thing in the Monday meeting", doneDaysAgo: 392 },
        { text: "Ask a question in the all-hands", doneDaysAgo: 352 },
        { text: "Present one slide at the team review", doneDaysAgo: 312 },
        { text: "Give the quarterly presentation", doneDaysAgo: 272 },
      ],
      ratings: [
        { daysAgo: 432, client: 3, therapist: 3 },
        { daysAgo: 372, client: 5, therapist: 4 },
        { daysAgo: 312, client: 6, therapist: 6 },
        { daysAgo: 252, client: 9, therapist: 8 },
      ],
    },
  },
};
