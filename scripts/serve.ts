// The app's HTTP server: `next start`'s own request handling (Next's custom
// server API runs the same router), plus the one thing `next start` cannot
// do: decide who is asking from the socket, not from a header the client
// may have written (server/auth/request-meta.ts, TRUSTED_PROXY_HOPS).
//
//   tsx scripts/serve.ts [-p PORT] [-H HOST]
//
// Scripts and styles of the build go out brotli-compressed where the browser
// takes it (server/http/static-assets.ts), with next.config.ts's headers.
//
// Shutdown is `next start`'s: on SIGTERM/SIGINT stop taking connections,
// let the requests in flight finish (server/shutdown.ts ends live streams and
// closes the pool), then exit 143/130.
import { createServer } from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { getEnv, setEnvForChildren } from "../server/env";
import { withClientAddress } from "../server/auth/request-meta";
import { brotliStaticAssets } from "../server/http/static-assets";

const { values } = parseArgs({ options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } } });
const env = getEnv();
const port = Number(values.port ?? env.PORT);
const hostname = values.hostname;
const trustedHops = env.TRUSTED_PROXY_HOPS;

// What `next start` sets before loading the app; `next` reads it when imported.
setEnvForChildren({ NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" });
const { default: next } = await import("next");
const app = next({ dev: false, dir: process.cwd(), port, hostname: hostname ?? "localhost" });
await app.prepare();
const handle = app.getRequestHandler();
// Imported once NODE_ENV is set: the config adds HSTS in production.
const { default: nextConfig } = await import("../next.config");
const everyPathHeaders = (await nextConfig.headers?.())?.find((rule) => rule.source === "/:path*")?.headers ?? [];
const staticAssets = brotliStaticAssets(path.join(process.cwd(), ".next", "static"), everyPathHeaders);

const server = createServer(
  withClientAddress(trustedHops, (request, response) => {
    staticAssets(request, response)
      .then((isAnswered) => (isAnswered ? undefined : handle(request, response)))
      .catch((error: unknown) => {
        console.error(error);
        if (!response.headersSent) response.writeHead(500);
        response.end("Internal Server Error");
      });
  }),
);

let isClosing = false;
function close(exitCode: number) {
  if (isClosing) return;
  isClosing = true;
  server.close(() => {
    void app.close().finally(() => process.exit(exitCode));
  });
}
process.on("SIGTERM", () => close(143));
process.on("SIGINT", () => close(130));

server.listen(port, hostname, () => {
  console.log(`[alliance] serving on http://${hostname ?? "localhost"}:${port}${trustedHops > 0 ? ` (trusting ${trustedHops} proxy hop${trustedHops === 1 ? "" : "s"} in X-Forwarded-For)` : ""}`);
});
