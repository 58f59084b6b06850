// The shared starter library: rows of HomeworkTemplate with ownerId null,
// which every therapist sees and may duplicate. Wording is the project's own.
import type { HomeworkKind, HomeworkSchedule, Prisma } from "@/server/db/generated/client";
import { newRowId } from "@/server/db/ids";
import { sealTemplateText } from "@/server/homework/sealing";

export type TStarterTemplate = {
  title: string;
  instructions: string;
  kind: HomeworkKind;
  schedule: HomeworkSchedule;
  durationDays: number | null;
  timesPerWeek: number | null;
};

export const STARTER_TEMPLATES = [
  {
    title: "Thought record",
    kind: "worksheet",
    schedule: "weekly",
    durationDays: 14,
    timesPerWeek: 3,
    instructions: [
      "When you notice a sudden shift in how you feel — a knot in your stomach, a flash of irritation, a sinking feeling — pause and make a short record of that moment. Three times a week is plenty, and it doesn't have to be the biggest moment of the day.",
      "",
      "Write down:",
      "1. What was happening: where you were, who was there, what had just happened.",
      "2. What you felt, and how strong it was from 0 to 10.",
      "3. The thought that went through your mind. Try to catch the exact words, even if they look harsh on paper.",
      "4. What supports that thought, and what doesn't quite fit with it.",
      "5. A more balanced way of seeing the moment — something you can actually believe, not just something cheerful.",
      "6. How strong the feeling is now, from 0 to 10.",
      "",
      "There are no wrong answers. Some records will feel useful and some won't; both are worth bringing to your next session.",
    ].join("\n"),
  },
  {
    title: "Ten minutes of slow breathing",
    kind: "practice",
    schedule: "daily",
    durationDays: 7,
    timesPerWeek: null,
    instructions: [
      "Set aside ten minutes each day for slow, unhurried breathing. Find a spot where you won't be interrupted, sit in a way that feels supported, and set a gentle timer so you don't have to watch the clock.",
      "",
      "Breathe in through your nose for a count of about four, pause for a moment, then breathe out slowly for a count of about six. The longer out-breath is the part that helps your body slow down, so don't worry if the in-breath feels short. If counting gets in the way, simply let each out-breath be a little longer than the in-breath.",
      "",
      "Your mind will wander. That's normal, not a sign you're doing it wrong — each time you notice, come back to the next breath.",
      "",
      "Afterwards, jot down how you felt before and after, even in a word or two. Some days it will feel calming and some days it won't; both are useful to know.",
    ].join("\n"),
  },
  {
    title: "Activity and mood diary",
    kind: "worksheet",
    schedule: "daily",
    durationDays: 7,
    timesPerWeek: null,
    instructions: [
      "For the next week, keep a simple record of what you do with your day and how it feels. Each evening, take five minutes to look back over the day in rough blocks — morning, afternoon and evening are fine.",
      "",
      "For each block, note what you did, even if it was small or felt like nothing much: making breakfast, scrolling on your phone, a phone call, a walk. Then give it two quick scores from 0 to 10: how much you enjoyed it, and how much it gave you a sense of getting something done.",
      "",
      "Before you finish, plan one small thing for tomorrow that might score a little higher on either scale, and the next evening note whether it happened.",
      "",
      "You're not aiming for a busy or perfect week. The point is to notice how what you do and how you feel affect each other, so we can look at the pattern together.",
    ].join("\n"),
  },
  {
    title: "Reading with reflection",
    kind: "reading",
    schedule: "once",
    durationDays: null,
    timesPerWeek: null,
    instructions: [
      "Your therapist will share a short piece of reading with you — an article, a chapter or a few pages that connect with what you've been talking about. Read it at your own pace, in one sitting or several; there's no prize for finishing quickly.",
      "",
      "As you read, mark anything that stands out: a sentence that rings true, something you disagree with, or a part that leaves you uneasy.",
      "",
      "Afterwards, take a few minutes with these questions:",
      "- What is one idea that felt familiar from your own life?",
      "- Was there anything that didn't fit you, or that you'd put differently?",
      "- Is there one small thing you'd like to try because of it?",
      "- What would you like to talk about in your next session?",
      "",
      "Short answers are fine. Bring your notes, or add a question to the agenda.",
    ].join("\n"),
  },
  {
    title: "What matters to me",
    kind: "worksheet",
    schedule: "once",
    durationDays: null,
    timesPerWeek: null,
    instructions: [
      "This exercise is about what matters to you — not what you think should matter, or what other people expect of you. Give yourself about half an hour somewhere quiet.",
      "",
      "Think about a few areas of your life: family and close relationships, friendships, work or study, health and rest, fun and creativity, and your community. For each one, write a sentence or two about the kind of person you'd like to be there. Describe a direction, like \"being someone my friends can count on\", rather than a finish line, like \"have more friends\".",
      "",
      "Then rate each area from 0 to 10 twice: how important it is to you, and how closely your life matches it right now.",
      "",
      "Finally, pick the area where the gap feels biggest and write down one small step you could take this week. We'll look at what you found together.",
    ].join("\n"),
  },
  {
    title: "Five-minute evening journal",
    kind: "journal",
    schedule: "daily",
    durationDays: 7,
    timesPerWeek: null,
    instructions: [
      "Each evening for the next week, take about five minutes to write a few lines about your day. You don't need to write well or write much — this is for you.",
      "",
      "Use these prompts if they help, or ignore them and write whatever comes:",
      "- What stood out today, good or bad?",
      "- How did you feel for most of the day, from 0 to 10?",
      "- What is one thing, however small, that went all right?",
      "- Is there anything you'd like to set down before you sleep?",
      "",
      "If you miss an evening, just pick it up again the next day; there's no need to catch up. If something you write feels important, you can bring it to your next session or add it to the agenda.",
    ].join("\n"),
  },
] as const satisfies readonly TStarterTemplate[];

export type TStarterTemplateTitle = (typeof STARTER_TEMPLATES)[number]["title"];

type TTemplateDb = Pick<Prisma.TransactionClient, "homeworkTemplate">;

// Idempotent: the library is seeded once; after that therapists may have
// archived or relied on these rows, so they are never rewritten. Their words
// are sealed like any template's (one column, one rule), under their own ids.
export async function seedStarterTemplates(db: TTemplateDb): Promise<void> {
  const existing = await db.homeworkTemplate.findFirst({ where: { ownerId: null }, select: { id: true } });
  if (existing) return;
  await db.homeworkTemplate.createMany({
    data: STARTER_TEMPLATES.map((template) => {
      const id = newRowId();
      return { ...template, id, ...sealTemplateText(id, template), ownerId: null };
    }),
  });
}
