import { describe, expect, it } from "vitest";
import { describeAccess, describeActor } from "./access-log";

describe("the access log in plain words", () => {
  it("words each kind of record for the client and for the therapist", () => {
    expect(describeAccess({ action: "read", recordType: "goal" }, "client")).toBe("Looked at a goal");
    expect(describeAccess({ action: "list", recordType: "journal_entry" }, "client")).toBe("Looked at the journal entries you shared");
    expect(describeAccess({ action: "read", recordType: "voice_memo" }, "client")).toBe("Listened to your voice memo");
    expect(describeAccess({ action: "list", recordType: "journal_entry" }, "therapist")).toBe("Looked at the journal entries they shared");
    expect(describeAccess({ action: "create", recordType: "homework_completion" }, "client")).toBe("Added a homework day");
    expect(describeAccess({ action: "update", recordType: "note_shared_summary" }, "client")).toBe("Changed a shared session summary");
    expect(describeAccess({ action: "export", recordType: "engagement_export" }, "client")).toBe("Downloaded a copy of your whole record");
    expect(describeAccess({ action: "frobnicate", recordType: "something_new" }, "client")).toBe("Used one of your records");
  });

  it("names who did it, or says Alliance, or that they have left", () => {
    expect(describeActor({ name: "Dr. Ana", role: "therapist", deletedAt: null }, "id")).toBe("Dr. Ana");
    expect(describeActor(undefined, null)).toBe("Alliance");
    expect(describeActor({ name: "Sam", role: "client", deletedAt: new Date(0) }, "id")).toBe("Former client");
    expect(describeActor(undefined, "id")).toBe("Someone no longer on Alliance");
  });
});
