// Sam, in New York: a move to a new city and a quiet life outside work. The
// work is harder going: feedback has dipped, he has said so in his journal,
// and the next session starts with how they work together.
import { DEMO_SAM } from "./people";
import type { TClientStory } from "./types";

export const SAM: TClientStory = {
  account: DEMO_SAM,
  timeZone: "America/New_York",
  joinedDaysAgo: 46,
  startedDaysAgo: 46,
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
      when: { daysAgo: 39, at: "15:00" },
      agenda: [
        { by: "client", kind: "topic", text: "The first months in the city have been harder than I expected" },
        { by: "therapist", kind: "goal_review", text: "Set our first goals" },
      ],
      summary:
        "You told me about the move and how quiet life has become outside work. We set three goals: a small weekly routine, reconnecting with people, and getting outside every day. Before next time, jot down what a typical week looks like right now.",
      feedback: { feltHeard: 8, workedOnWanted: 8, approachFit: 7, overall: 8, comment: "Good to finally talk to someone about the move." },
    },
    {
      when: { daysAgo: 32, at: "15:00" },
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
      when: { daysAgo: 25, at: "15:00" },
      agenda: [
        { by: "client", kind: "homework_review", text: "The walks happened twice, then stopped" },
        { by: "therapist", kind: "topic", text: "What gets in the way on the days that don't work" },
      ],
      summary:
        "Two walks is a start. We looked at what gets in the way on the other days — mostly low energy after work. We agreed to pause the outdoor goal for now and put your energy into the routine and into reaching out to people.",
    },
    {
      when: { daysAgo: 18, at: "15:00" },
      isCancelled: true,
      agenda: [],
    },
    {
      when: { daysAgo: 11, at: "15:00" },
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
      when: { daysAgo: 4, at: "15:00" },
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
    when: { inDays: 3, at: "15:00" },
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
      startDaysAgo: 11,
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
    { when: { daysAgo: 26, at: "22:00" }, body: "Another Saturday on the couch. Told myself I'd go to the climbing gym and didn't.", mood: 3 },
    { when: { daysAgo: 12, at: "19:00" }, body: "Called Mom. It was nice, actually. She asked about the city and I didn't pretend it's all great.", mood: 6 },
    {
      when: { daysAgo: 2, at: "21:00" },
      body: "Something I want to bring up but don't know how to say in the room: sometimes I feel like I'm doing therapy wrong. Like I should have more to report each week.",
      mood: 4,
      isShared: true,
    },
    { when: { daysAgo: 1, at: "23:00" }, body: "Quiet day. Walked to the café in the morning. Evening felt long.", mood: 4 },
  ],
  notices: [
    // Three hours after the last session (15:00–15:50, four days ago).
    { to: "therapist", kind: "feedback_received", title: "Sam left feedback on a session", link: "caseload", when: { daysAgo: 4, at: "18:50" }, isRead: false },
    { to: "therapist", kind: "agenda_item_added", title: "Sam added 2 agenda items", link: "next session", when: { hoursAgo: 5 }, isRead: false },
    { to: "client", kind: "homework_assigned", title: "New homework from your therapist", link: { homework: 0 }, when: { homeworkAssigned: 0 }, isRead: true },
    { to: "client", kind: "homework_due", title: "You have homework due today", link: { homework: 0 }, when: { daysAgo: 0, at: "08:00" }, isRead: false },
  ],
};
