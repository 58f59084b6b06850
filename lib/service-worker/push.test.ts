import { describe, expect, it } from "vitest";
import { readPushPayload, samePath } from "./push";

describe("a push as the service worker reads it", () => {
  it("takes the title and link as sent, and anything else as a generic notice", () => {
    expect(readPushPayload('{"title":"New message from Dr. Ames","url":"/messages/abc"}')).toEqual({
      title: "New message from Dr. Ames",
      url: "/messages/abc",
    });
    for (const text of [null, undefined, "", "not json", "[]", "42", '{"title":""}', '{"title":7}']) {
      expect(readPushPayload(text).title).toBe("Something new in Alliance");
    }
  });

  it("opens only paths of its own origin", () => {
    const origin = "https://alliance.example";
    expect(samePath("/messages/abc?x=1#y", origin)).toBe("/messages/abc?x=1#y");
    for (const url of ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "messages", 42, null]) {
      expect(samePath(url, origin), String(url)).toBe("/");
    }
  });
});
