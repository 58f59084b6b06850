import { describe, expect, it } from "vitest";
import { MAX_RETURN_PATH_LENGTH, safeReturnPath, safeReturnPathFromUrl } from "./return-path";

const SITE = "https://alliance.example";

// Open-redirect payloads from OWASP's cheat sheet and PayloadsAllTheThings
// ("Open URL Redirect"), each as it would arrive in `?next=` once the query
// is decoded. None may come back.
const BYPASSES = [
  "//evil.example",
  "///evil.example",
  "////evil.example",
  "//evil.example/%2F..",
  "/\\evil.example",
  "/\\/evil.example",
  "\\/\\/evil.example",
  "\\\\evil.example",
  "/%5Cevil.example",
  "/%5cevil.example",
  "/%09/evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r/evil.example",
  "/\0/evil.example",
  "/%0d%0a//evil.example",
  "/%0a/evil.example",
  "/%00/evil.example",
  "/%2509/evil.example",
  "/%2F/evil.example",
  "/%2f%2fevil.example",
  "%2F%2Fevil.example",
  "%2F/evil.example",
  "/%252F/evil.example",
  "/ /evil.example",
  "/%20/evil.example",
  " //evil.example",
  "/\u00a0/evil.example",
  "/\u200b/evil.example",
  "https://evil.example",
  "https:evil.example",
  "https:/evil.example",
  "http:\\\\evil.example",
  "HTTPS://evil.example",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "/javascript:alert(1)%0a",
  "data:text/html,<script>alert(1)</script>",
  "evil.example",
  ".evil.example",
  "@evil.example",
  "/@evil.example",
  "/%40evil.example",
  "//alliance.example@evil.example",
  "/\\alliance.example@evil.example",
  "／／evil.example",
  "/／evil.example",
  "〱evil.example",
  "/。evil.example",
  "/%E3%80%82evil.example",
  "/../evil.example",
  "/%2e%2e/evil.example",
  "/%2E%2E%2F%2E%2E%2Fevil.example",
  "/clients/../../evil.example",
  "/%",
  "/%zz",
  "",
  `/${"a".repeat(MAX_RETURN_PATH_LENGTH)}`,
];

describe("safeReturnPath", () => {
  it.each(BYPASSES)("refuses %j", (payload) => {
    expect(safeReturnPath(payload)).toBeNull();
  });

  it("keeps on-site paths exactly, with their query and fragment", () => {
    for (const path of ["/", "/account", "/clients/abc?tab=goals", "/sessions/x#agenda", "/caseload?page=2&sort=name#top", "/a-b_c~d.e"]) {
      expect(safeReturnPath(path), path).toBe(path);
    }
    // Encoded characters that are harmless stay as given.
    expect(safeReturnPath("/clients/abc?next=%2Faccount")).toBe("/clients/abc?next=%2Faccount");
  });

  it("keeps a dotted first segment on this site, where a naive `origin + next` would not be", () => {
    // "https://alliance.example" + ".evil.example" is another host; a path never is.
    expect(safeReturnPath("/.evil.example")).toBe("/.evil.example");
  });

  it("refuses what is not a string", () => {
    for (const value of [null, undefined, 1, ["/account"], { toString: () => "/account" }]) {
      expect(safeReturnPath(value)).toBeNull();
    }
  });

  it("answers only paths that a browser resolves on this site, at that path", () => {
    for (const payload of [...BYPASSES, "/account", "/.evil.example"]) {
      const path = safeReturnPath(payload);
      if (path === null) continue;
      const resolved = new URL(path, SITE);
      expect(resolved.origin).toBe(SITE);
      expect(`${resolved.pathname}${resolved.search}${resolved.hash}`).toBe(path);
    }
  });
});

describe("safeReturnPathFromUrl", () => {
  it("turns a URL of this site into its path, and judges paths as safeReturnPath does", () => {
    expect(safeReturnPathFromUrl(`${SITE}/clients/abc?tab=goals#notes`, SITE)).toBe("/clients/abc?tab=goals#notes");
    expect(safeReturnPathFromUrl(SITE, SITE)).toBe("/");
    expect(safeReturnPathFromUrl("/goodbye", SITE)).toBe("/goodbye");
    expect(safeReturnPathFromUrl("/%09/evil.example", SITE)).toBeNull();
  });

  it("refuses other sites, other ports and schemes, credentials, and smuggled paths", () => {
    for (const url of [
      "https://evil.example/account",
      "http://alliance.example/account",
      "https://alliance.example:8443/account",
      "https://alliance.example.evil.example/",
      "https://user:pass@alliance.example/account",
      "https://alliance.example/\t/evil.example",
      "https://alliance.example/%09/evil.example",
      "https://alliance.example/%5Cevil.example",
      "javascript:alert(1)",
      "not a url",
      null,
    ]) {
      expect(safeReturnPathFromUrl(url, SITE), String(url)).toBeNull();
    }
  });
});
