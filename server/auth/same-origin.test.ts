import { describe, expect, it } from "vitest";
import { isCrossSiteRequest } from "./same-origin";

function post(headers: Record<string, string>) {
  return new Request("http://alliance.local/api/trpc/x", { method: "POST", headers: { host: "alliance.local", ...headers } });
}

describe("isCrossSiteRequest", () => {
  it("accepts JSON from the same origin", () => {
    expect(isCrossSiteRequest(post({ "content-type": "application/json", origin: "http://alliance.local" }))).toBe(false);
    expect(isCrossSiteRequest(post({ "content-type": "application/json", "sec-fetch-site": "same-origin" }))).toBe(false);
  });

  it("refuses form posts and other sites", () => {
    expect(isCrossSiteRequest(post({ "content-type": "application/x-www-form-urlencoded" }))).toBe(true);
    expect(isCrossSiteRequest(post({ "content-type": "text/plain" }))).toBe(true);
    expect(isCrossSiteRequest(post({ "content-type": "application/json", origin: "https://evil.example" }))).toBe(true);
    expect(isCrossSiteRequest(post({ "content-type": "application/json", "sec-fetch-site": "cross-site" }))).toBe(true);
  });
});
