// Downloads refuse a request another site started (server/auth/same-origin.ts):
// each route file run as `next start` runs it, with a real session cookie, as
// a link elsewhere would make the browser send it. Refused: 403, one plain
// sentence, no record in the body and no export event; our own page, a typed
// address and a browser that doesn't say are served.
import { appRoute, signInThroughNextAuth, setNextAuthTestEnv } from "../support/next-route";
import { afterAll, describe, expect, it } from "vitest";
import * as authRouteFile from "@/app/api/auth/[...nextauth]/route";
import * as clientExportRouteFile from "@/app/api/account/export/route";
import * as templatesExportRouteFile from "@/app/api/account/templates-export/route";
import * as engagementExportRouteFile from "@/app/api/engagements/[engagementId]/export/route";
import * as icsRouteFile from "@/app/api/sessions/[sessionId]/ics/route";
import { CROSS_SITE_DOWNLOAD_REFUSED } from "@/server/auth/same-origin";
import { getDb } from "@/server/db/client";
import { seedCast, TEST_PASSWORD, type TCast } from "../factories";
import { connectTestDb } from "../support/db";

setNextAuthTestEnv();
const db = connectTestDb();
afterAll(() => getDb().$disconnect());

const authRoute = appRoute("/api/auth/[...nextauth]/route", authRouteFile);

type TDownload = {
  route: string;
  call: ReturnType<typeof appRoute>;
  as: "client" | "therapist";
  path: (cast: TCast) => string;
  params: (cast: TCast) => Record<string, string>;
  /** Something of the person's record that a served download holds. */
  holds: (cast: TCast) => string;
};

const DOWNLOADS: TDownload[] = [
  {
    route: "/api/account/export",
    call: appRoute("/api/account/export/route", clientExportRouteFile),
    as: "client",
    path: () => "/api/account/export",
    params: () => ({}),
    // A .zip, stored uncompressed: the JSON inside reads as it is.
    holds: (cast) => cast.client.email,
  },
  {
    route: "/api/account/templates-export",
    call: appRoute("/api/account/templates-export/route", templatesExportRouteFile),
    as: "therapist",
    path: () => "/api/account/templates-export",
    params: () => ({}),
    holds: () => "alliance-template-export",
  },
  {
    route: "/api/engagements/[engagementId]/export",
    call: appRoute("/api/engagements/[engagementId]/export/route", engagementExportRouteFile),
    as: "therapist",
    path: (cast) => `/api/engagements/${cast.engagement.id}/export`,
    params: (cast) => ({ engagementId: cast.engagement.id }),
    holds: (cast) => cast.client.email,
  },
  {
    route: "/api/sessions/[sessionId]/ics",
    call: appRoute("/api/sessions/[sessionId]/ics/route", icsRouteFile),
    as: "client",
    path: (cast) => `/api/sessions/${cast.session.id}/ics`,
    params: (cast) => ({ sessionId: cast.session.id }),
    holds: () => "BEGIN:VEVENT",
  },
];

describe.each(DOWNLOADS)("GET $route", (download) => {
  it("answers 403 when another site started it, and serves our own pages, typed addresses and browsers that don't say", async () => {
    const cast = await seedCast(db);
    const person = cast[download.as];
    const cookie = await signInThroughNextAuth(authRoute, { email: person.email, password: TEST_PASSWORD }, "10.83.0.1");
    const get = (fetchSite?: string) =>
      download.call(
        new Request(`http://localhost${download.path(cast)}`, {
          headers: { cookie, ...(fetchSite ? { "sec-fetch-site": fetchSite } : {}) },
        }),
        download.params(cast),
      );
    const exportEvents = () => db.auditEvent.count({ where: { actorId: person.id, action: "export" } });

    const eventsBefore = await exportEvents();
    for (const fetchSite of ["cross-site", "same-site"]) {
      const refused = await get(fetchSite);
      expect(refused.status, fetchSite).toBe(403);
      expect(refused.headers.get("content-type")).toMatch(/^text\/plain/);
      expect(refused.headers.get("content-disposition")).toBeNull();
      expect(await refused.text()).toBe(CROSS_SITE_DOWNLOAD_REFUSED);
    }
    expect(await exportEvents()).toBe(eventsBefore);

    for (const fetchSite of ["same-origin", "none", undefined]) {
      const served = await get(fetchSite);
      expect(served.status, String(fetchSite)).toBe(200);
      expect(served.headers.get("content-disposition")).toMatch(/^attachment; filename=/);
      expect(await served.text()).toContain(download.holds(cast));
    }
  });
});
