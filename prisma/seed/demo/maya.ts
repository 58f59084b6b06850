// Maya, in Stockholm: six weeks into leaving work at work. Mostly going
// well; sleep is sorted, a thought record has become a habit (done in
// Alliance since the last session, beside a small ladder of situations she
// practises facing), and something with her sister keeps waiting for "next time".
import { DEMO_MAYA } from "./people";
import type { TClientStory } from "./types";

const CLINIC_ROOM = "Room 2, Harbour St clinic";

export const MAYA: TClientStory = {
  account: DEMO_MAYA,
  timeZone: "Europe/Stockholm",
  joinedDaysAgo: 48,
  startedDaysAgo: 48,
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
      when: { daysAgo: 40, at: "09:00" },
      agenda: [
        { by: "client", kind: "topic", text: "I want to understand why I can't switch off after work" },
        { by: "therapist", kind: "goal_review", text: "Agree on two or three goals to work on together" },
      ],
      summary:
        "We talked about how work follows you home in the evenings and at night, and agreed on three goals: leaving work at work, sending work that is good enough, and sleeping through the night. Before next time, try picking a finish time and put it in your calendar.",
      feedback: { feltHeard: 8, workedOnWanted: 7, approachFit: 7, overall: 7, comment: "Nervous at first, but it helped to say it all out loud." },
    },
    {
      when: { daysAgo: 33, at: "09:00" },
      agenda: [
        { by: "client", kind: "struggling", text: "Sleep was bad again this week. Awake at 3am going over emails." },
        { by: "client", kind: "question", text: "Is it normal to feel a bit worse after talking about all this?" },
      ],
      summary:
        "You've been waking around three and replaying the day. We looked at a simple wind-down routine and at writing worries on paper before bed. Feeling a little stirred up after sessions is common early on, and it's always fine to tell me when it happens.",
      feedback: { feltHeard: 9, workedOnWanted: 8, approachFit: 8, overall: 8 },
    },
    {
      when: { daysAgo: 26, at: "09:00" },
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
      when: { daysAgo: 19, at: "09:00" },
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
      when: { daysAgo: 12, at: "09:00" },
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
      when: { daysAgo: 5, at: "09:00" },
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
    when: { inDays: 2, at: "09:00" },
    agenda: [
      { by: "client", kind: "homework_review", text: "Thought records: I noticed a pattern on Sunday evenings" },
      { by: "client", kind: "question", text: "How do I keep this going when the busy season starts?" },
      { by: "therapist", kind: "goal_review", text: "Rate both goals together and choose the next steps" },
    ],
    checkIn: { personal: 7, relationships: 7, social: 7, overall: 8 },
  },
  homework: [
    {
      // On paper-like reflections until the last session; the thought records moved into Alliance after it (below).
      content: "Thought record",
      startDaysAgo: 11,
      lengthDays: 7,
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
  exercises: [
    {
      starterKey: "thought_record",
      startDaysAgo: 3,
      lengthDays: 7,
      goal: 1,
      entries: [
        {
          answers: {
            situation: "Team meeting: Erik moved my item to next week.",
            thought: "He doesn't trust me with it.",
            belief_before: 75,
            emotions: [
              { emotion: "Hurt", intensity: 50 },
              { emotion: "Embarrassed", intensity: 40 },
            ],
            evidence_for: "He didn't say why.",
            evidence_against: "He moved three people's items because the meeting ran over.",
            balanced: "It was about time, not about me.",
            belief_after: 30,
            feeling_after: 20,
            learned: "Looking at what else was going on in the room helped.",
          },
          skill: 2,
          feedback:
            "You found the fact that didn't fit straight away, and that's the heart of it. Notice how much the hurt eased once you had it.",
        },
        {
          answers: {
            situation: "Evening at home, thinking about tomorrow's deadlines.",
            thought: "I'm going to fall behind again.",
            belief_before: 80,
            emotions: [{ emotion: "Anxious", intensity: 60 }],
            evidence_against: "I finished everything last week except one thing that wasn't urgent.",
            balanced: "Some weeks are busy, and I usually manage.",
            belief_after: 50,
            feeling_after: 40,
          },
        },
        {
          answers: {
            situation: "Erik asked for the report 'when you get a chance'.",
            thought: "He thinks I'm slow.",
            belief_before: 85,
            emotions: [{ emotion: "Dread", intensity: 70 }],
            evidence_for: "It's later than I planned.",
            evidence_against: "He said there was no rush, and he liked the last one.",
            balanced: "He's busy and was being polite.",
            belief_after: 55,
            feeling_after: 40,
            learned: "Writing down the exact words made the thought look less true.",
          },
        },
      ],
    },
    {
      starterKey: "exposure_practice",
      startDaysAgo: 4,
      lengthDays: 7,
      timesPerWeek: 2,
      goal: 1,
      entries: [
        {
          ladderStep: 1,
          answers: {
            anxiety_before: 55,
            anxiety_peak: 70,
            anxiety_after: 25,
            minutes: 30,
            feared: "Everyone would think it was an obvious question and that I hadn't prepared.",
            happened: "Erik said it was a good point, and two people said they'd wondered the same.",
            learned: "The worry was loudest just before I spoke, then it faded.",
          },
        },
      ],
    },
  ],
  ladder: [
    { text: "Send an email after reading it through only once", expectedAnxiety: 25, by: "client", addedDaysAgo: 5 },
    { text: "Ask a question in the team meeting", expectedAnxiety: 45, by: "therapist", addedDaysAgo: 5 },
    { text: "Share a rough draft with Erik before it feels finished", expectedAnxiety: 65, by: "client", addedDaysAgo: 5 },
    { text: "Present the monthly numbers without my notes", expectedAnxiety: 85, by: "client", addedDaysAgo: 4 },
  ],
  journal: [
    { when: { daysAgo: 31, at: "23:00" }, body: "Couldn't sleep again. Kept drafting a reply to Erik in my head.", mood: 3 },
    { when: { daysAgo: 17, at: "21:00" }, body: "Johan said I seemed lighter this week. I didn't notice, but maybe.", mood: 6 },
    {
      when: { daysAgo: 8, at: "20:00" },
      body: "Writing this down so I remember it for our next session: I told Erik I'd finish at five on Fridays and he just said 'sure, makes sense'. All that worry for a two-second answer.",
      mood: 7,
      isShared: true,
    },
    { when: { daysAgo: 3, at: "22:00" }, body: "Painted for an hour tonight, first time since the summer. Forgot my phone was even in the room.", mood: 8 },
    { when: { daysAgo: 1, at: "21:00" }, body: "Sunday dread again, but smaller than usual.", mood: 6 },
  ],
  // Messages on since the last session, reply-only: a nudge, Maya's answer, and a reply she hasn't read yet.
  // A day apart at least: each is on its writer's clock (London, Stockholm), whose days start an hour apart.
  conversation: {
    mode: "reply_only",
    replyTime: "I usually reply within two working days, Monday to Friday.",
    messages: [
      {
        by: "therapist",
        when: { daysAgo: 4, at: "10:15" },
        text: "Hi Maya, a small thought after our session: when you notice the urge to read an email through a third time, try sending it anyway, just once this week. No need to reply unless you'd like to.",
      },
      {
        by: "client",
        when: { daysAgo: 3, at: "19:40" },
        replyTo: 0,
        text: "I tried it with the team update today. My stomach dropped when I pressed send, but nothing happened, and Erik replied with a thumbs up. Could we talk about that dropping feeling next time?",
      },
      {
        by: "therapist",
        when: { daysAgo: 1, at: "09:05" },
        replyTo: 1,
        text: "That sounds like a real step, well done for trying it. Yes, let's look at that feeling together. You can add your message to our next session's agenda from here, so it doesn't get lost.",
      },
    ],
    readUpTo: { therapist: 2, client: 1 },
  },
  // A short safety plan, started by Maya in session three weeks ago; Dr. Okafor added the practice's line since.
  safetyPlan: {
    versions: [
      {
        by: "client",
        when: { daysAgo: 19, at: "09:40" },
        content: {
          warningSigns: ["Lying awake going over work", "Skipping dinner and painting", "Thinking everyone would manage fine without me"],
          onMyOwn: ["Walk along the canal", "Put a record on and paint for ten minutes"],
          peoplePlaces: ["The café on Ropewalk", "Sitting with Anna"],
          peopleToAsk: [{ name: "Anna (sister)", phone: "07700 900461" }],
          professionals: [],
          saferSurroundings: ["Leave the spare sleeping tablets with Anna"],
          keepsMeGoing: ["Anna's kids", "The exhibition in spring"],
        },
      },
      {
        by: "therapist",
        when: { daysAgo: 18, at: "11:00" },
        content: {
          warningSigns: ["Lying awake going over work", "Skipping dinner and painting", "Thinking everyone would manage fine without me"],
          onMyOwn: ["Walk along the canal", "Put a record on and paint for ten minutes"],
          peoplePlaces: ["The café on Ropewalk", "Sitting with Anna"],
          peopleToAsk: [{ name: "Anna (sister)", phone: "07700 900461" }],
          professionals: [
            { name: "Dr. Okafor (weekdays, leave a message)", phone: "020 7946 0321" },
            { name: "GP surgery", phone: "020 7946 0999" },
          ],
          saferSurroundings: ["Leave the spare sleeping tablets with Anna"],
          keepsMeGoing: ["Anna's kids", "The exhibition in spring"],
        },
      },
    ],
  },
  notices: [
    // Three hours after the last session (09:00–09:50, five days ago).
    { to: "therapist", kind: "feedback_received", title: "Maya left feedback on a session", link: "caseload", when: { daysAgo: 5, at: "12:50" }, isRead: true },
    { to: "therapist", kind: "agenda_item_added", title: "Maya added 2 agenda items", link: "next session", when: { hoursAgo: 2 }, isRead: false },
    { to: "client", kind: "homework_assigned", title: "New homework from your therapist", link: { homework: 1 }, when: { homeworkAssigned: 1 }, isRead: true },
    { to: "client", kind: "homework_due", title: "You have homework due today", link: { homework: 1 }, when: { daysAgo: 0, at: "08:00" }, isRead: false },
    { to: "client", kind: "agenda_reminder", title: "Your next session is in 2 days", link: "next session", when: { hoursAgo: 1 }, isRead: false },
  ],
};
