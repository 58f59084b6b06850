// A local Web Push service for tests: web-push-testing
// (https://github.com/marc1706/web-push-testing), a STAND-IN for a browser
// vendor's push service (Google's FCM, Mozilla's autopush, Apple's), run
// inside the test process. It accepts real RFC 8030/8291 requests (it checks
// the VAPID signature against the key the subscription was made with,
// decrypts the aes128gcm payload and keeps the plaintext), hands out
// subscriptions as a browser's PushManager would, and can expire one so it
// answers 410 Gone like a real service does for an unsubscribed browser.
// What it is not: it delivers nothing to any browser, ignores TTL and
// urgency, and never throttles.
//
// The `web-push` library always speaks HTTPS, so the stand-in is served over
// TLS with a throwaway self-signed certificate (made with the openssl CLI in
// a temporary directory), and this test process's default HTTPS agent trusts
// it. Its host (localhost:<port>) is allowed as a push service through
// WEB_PUSH_EXTRA_HOSTS; the app code has no other test hook.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import https from "node:https";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { afterAll, beforeAll } from "vitest";
import { setEnvForChildren } from "@/server/env";

export type TPushSubscriptionJson = { endpoint: string; keys: { p256dh: string; auth: string }; clientHash: string };

export type TTestPushService = {
  /** Makes a subscription as a browser would for this application server key. */
  subscribe(applicationServerKey: string): Promise<TPushSubscriptionJson>;
  /** From now on the service answers 410 Gone for this subscription. */
  expire(clientHash: string): Promise<void>;
  /** The decrypted payloads received for a subscription, oldest first. */
  messages(clientHash: string): Promise<string[]>;
};

type TModel = { notifyUrl: string };
type TServer = { _app: import("node:http").RequestListener; setRequestHandlers(): void };

function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const directory = mkdtempSync(path.join(os.tmpdir(), "alliance-push-tls-"));
  try {
    const keyPath = path.join(directory, "key.pem");
    const certPath = path.join(directory, "cert.pem");
    execFileSync(
      "openssl",
      ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj", "/CN=localhost",
        "-addext", "subjectAltName=DNS:localhost", "-keyout", keyPath, "-out", certPath],
      { stdio: "ignore" },
    );
    return { key: readFileSync(keyPath), cert: readFileSync(certPath) };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

export function useTestPushService(): TTestPushService {
  let base = "";
  let server: https.Server | undefined;

  beforeAll(async () => {
    const require = createRequire(import.meta.url);
    const { PushApiModel } = require("web-push-testing/src/PushApiModel.js") as { PushApiModel: new () => TModel };
    const WebPushTestingServer = require("web-push-testing/src/server.js") as new (model: TModel, port: number) => TServer;
    const model = new PushApiModel();
    const testing = new WebPushTestingServer(model, 0);
    testing.setRequestHandlers();
    const tls = selfSignedCertificate();
    server = https.createServer(tls, testing._app);
    await new Promise<void>((resolve) => server!.listen(0, "localhost", resolve));
    const { port } = server.address() as AddressInfo;
    base = `https://localhost:${port}`;
    model.notifyUrl = `${base}/notify/`;
    // Trust the stand-in's certificate in this process only (web-push uses the default agent).
    https.globalAgent.options.ca = tls.cert;
    setEnvForChildren({ WEB_PUSH_EXTRA_HOSTS: `localhost:${port}` });
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  async function post(route: string, body: unknown): Promise<Response> {
    return new Promise((resolve, reject) => {
      const request = https.request(`${base}${route}`, { method: "POST", headers: { "content-type": "application/json" } }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve(new Response(Buffer.concat(chunks), { status: response.statusCode })));
      });
      request.on("error", reject);
      request.end(JSON.stringify(body));
    });
  }

  return {
    async subscribe(applicationServerKey) {
      const response = await post("/subscribe", { userVisibleOnly: "true", applicationServerKey });
      if (!response.ok) throw new Error(`push stand-in refused to subscribe: ${await response.text()}`);
      return ((await response.json()) as { data: TPushSubscriptionJson }).data;
    },
    async expire(clientHash) {
      const response = await post(`/expire-subscription/${clientHash}`, {});
      if (!response.ok) throw new Error(`push stand-in refused to expire: ${await response.text()}`);
    },
    async messages(clientHash) {
      const response = await post("/get-notifications", { clientHash });
      if (!response.ok) throw new Error(`push stand-in: ${await response.text()}`);
      return ((await response.json()) as { data: { messages: string[] } }).data.messages;
    },
  };
}
