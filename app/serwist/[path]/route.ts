// The service worker (lib/service-worker/sw.ts), bundled by Serwist when the
// app is built and served as a static file at /serwist/sw.js with
// `Service-Worker-Allowed: /`. No session, no records: the same file for everyone.
//
// Precached at install: only the offline page and the icons. Pages are kept
// as a client visits them, scripts as they are used (see sw.ts), so
// installing the worker downloads almost nothing.
import { randomUUID } from "node:crypto";
import { createSerwistRoute } from "@serwist/turbopack";
import { OFFLINE_PAGE } from "@/lib/service-worker/offline-pages";

// A new revision each build: the offline page's scripts change with the build.
const revision = randomUUID();

export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: "lib/service-worker/sw.ts",
  useNativeEsbuild: true,
  globPatterns: ["public/icons/*.png"],
  additionalPrecacheEntries: [{ url: OFFLINE_PAGE, revision }],
});
