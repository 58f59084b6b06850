import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { ZUpdateProfileSchema } from "./account";
import { hasNoNul, MAX_INT4, NUL_MESSAGE, ZVersionSchema } from "./common";
import { ZSessionFeedbackSchema } from "./feedback";
import { ZAddStepSchema, ZCreateGoalSchema, ZRateGoalSchema, ZSetGoalStatusSchema } from "./goal";
import { ZCompleteOccurrenceSchema, ZCreateTemplateSchema, ZReplySchema } from "./homework";
import { ZCreateJournalEntrySchema } from "./journal";
import { ZAddAgendaItemSchema, ZSaveNoteSchema, ZScheduleSessionSchema } from "./session";

const ID = "0189c1a2-7e5b-7000-8000-000000000001";

describe("shared input rules", () => {
  it("spots NUL characters anywhere in a string", () => {
    expect(hasNoNul("plain words, emoji 😀, RTL \u202e")).toBe(true);
    expect(hasNoNul("\u0000")).toBe(false);
    expect(hasNoNul("a\u0000b")).toBe(false);
  });

  it("takes versions up to Postgres' integer range only", () => {
    expect(ZVersionSchema.safeParse(1).success).toBe(true);
    expect(ZVersionSchema.safeParse(MAX_INT4).success).toBe(true);
    for (const bad of [0, -1, 1.5, MAX_INT4 + 1, Number.MAX_SAFE_INTEGER, Number.NaN, Number.POSITIVE_INFINITY, "1"]) {
      expect(ZVersionSchema.safeParse(bad).success).toBe(false);
    }
  });

  // Each free-text field, as the form and the procedure see it (valid input plus one NUL).
  const cases: [string, z.ZodType, Record<string, unknown>, string][] = [
    ["profile name", ZUpdateProfileSchema, { name: "Tess", timeZone: "UTC" }, "name"],
    ["goal title", ZCreateGoalSchema, { engagementId: ID, title: "Sleep" }, "title"],
    ["goal description", ZCreateGoalSchema, { engagementId: ID, title: "Sleep", description: "More" }, "description"],
    ["goal step", ZAddStepSchema, { goalId: ID, text: "Lights off" }, "text"],
    ["status note", ZSetGoalStatusSchema, { goalId: ID, version: 1, status: "paused", note: "Break" }, "note"],
    ["rating note", ZRateGoalSchema, { goalId: ID, value: 5, note: "Better" }, "note"],
    ["template instructions", ZCreateTemplateSchema, { title: "Walk", instructions: "Outside", kind: "practice", schedule: "once" }, "instructions"],
    ["completion response", ZCompleteOccurrenceSchema, { occurrenceId: ID, status: "done", response: "Did it" }, "response"],
    ["reply", ZReplySchema, { occurrenceId: ID, feedback: "Well done" }, "feedback"],
    ["journal body", ZCreateJournalEntrySchema, { body: "Today" }, "body"],
    ["feedback comment", ZSessionFeedbackSchema, { sessionId: ID, feltHeard: 8, workedOnWanted: 8, approachFit: 8, overall: 8, comment: "Good" }, "comment"],
    ["agenda text", ZAddAgendaItemSchema, { sessionId: ID, text: "Sleep" }, "text"],
    ["session note", ZSaveNoteSchema, { sessionId: ID, kind: "shared_summary", body: "We talked" }, "body"],
    ["session place", ZScheduleSessionSchema, { engagementId: ID, day: "2031-01-15", time: "10:00", durationMinutes: 50, location: "Room 4" }, "location"],
    ["video link", ZScheduleSessionSchema, { engagementId: ID, day: "2031-01-15", time: "10:00", durationMinutes: 50, videoUrl: "https://example.org/room" }, "videoUrl"],
  ];

  it.each(cases)("refuses a NUL in the %s with a message on that field", (_label, schema, valid, field) => {
    expect(schema.safeParse(valid).success).toBe(true);
    const result = schema.safeParse({ ...valid, [field]: `${String(valid[field])}\u0000` });
    expect(result.success).toBe(false);
    expect(result.error?.issues.find((issue) => issue.path[0] === field)?.message).toBe(NUL_MESSAGE);
  });
});
