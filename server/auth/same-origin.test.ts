import { describe, expect, it } from "vitest";
import { CROSS_SITE_DOWNLOAD_REFUSED, crossSiteDownloadRefusal, isCrossSiteRequest } from "./same-origin";

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

describe("crossSiteDownloadRefusal", () => {
  const download = (fetchSite?: string) =>
    new Request("http://alliance.local/api/account/export", { headers: fetchSite ? { "sec-fetch-site": fetchSite } : {} });

  it("lets through our own pages, a typed address or bookmark, and a browser that doesn't say", () => {
    for (const fetchSite of ["same-origin", "none", undefined]) expect(crossSiteDownloadRefusal(download(fetchSite))).toBeNull();
  });

  it("answers 403 with one plain sentence when another site started it", async () => {
    for (const fetchSite of ["cross-site", "same-site"]) {
      const refusal = crossSiteDownloadRefusal(download(fetchSite));
      expect(refusal?.status).toBe(403);
      expect(refusal?.headers.get("content-type")).toMatch(/^text\/plain/);
      expect(await refusal?.text()).toBe(CROSS_SITE_DOWNLOAD_REFUSED);
    }
  });
});
