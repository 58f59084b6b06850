// Web push: a person's devices (push_subscriptions), the server's VAPID key
// pair, and sending one notification to every device of its person.
//
// Invariants:
// - A push carries {title, url} only: the notification's title as an e-mail
//   subject would show it (titleSeenOutside: a lock screen names no client and
//   says nothing of a safety plan; never clinical text) and its app path. The service worker shows a generic body (lib/service-worker/push.ts).
// - A person sees and removes only their own devices; an endpoint already
//   bound to someone else is re-bound to whoever subscribes it now (one
//   browser, one person: the browser signed in last gets the pushes).
// - An endpoint is a capability URL at a browser vendor's push service: it
//   is never logged, never returned to the browser (only a hash of it, to
//   recognise "this device"), and only push services we know are accepted
//   (browser vendors' hosts, plus WEB_PUSH_EXTRA_HOSTS), so the server never
//   posts to an address of someone's choosing.
// - At most one push per notification: the row is claimed (pushed_at) before
//   sending. When every device fails with a passing error the claim is given
//   back and the job throws, so graphile-worker retries; when some device got
//   it, the others miss this one rather than anyone getting it twice.
// - A push service's 404 or 410 means the subscription is gone: its row is deleted.
// - Homework pushes share the one-a-day rule with homework e-mails
//   (hadHomeworkMessageToday, server/notifications/emails.ts).
// - The VAPID keys come from the environment, or are made once and kept in
//   web_push_keys (private key sealed); several instances starting at once
//   agree on one pair (INSERT … ON CONFLICT DO NOTHING, then read).
import { createECDH, createHash } from "node:crypto";
import webpush from "web-push";
import type { TDb } from "../db/client";
import { getEnv } from "../env";
import { newRowId } from "../db/ids";
import { now as clockNow } from "../clock";
import { fieldError, notFound } from "../errors";
import { openField, sealField } from "../crypto/sealed-fields";
import { channelFor } from "./preferences";
import { hadHomeworkMessageToday, HOMEWORK_MESSAGE_KINDS, notificationToSend, titleSeenOutside } from "./emails";
import { safeReturnPath } from "../../lib/auth/return-path";
import type { TPushSubscribe } from "../../lib/schemas/push";

type TActor = { id: string };

// --- Keys ----------------------------------------------------------------------

export type TVapidKeys = { publicKey: string; privateKey: string; subject: string };

let cachedKeys: Promise<TVapidKeys> | undefined;

function subject(): string {
  const env = getEnv();
  if (env.WEB_PUSH_SUBJECT) return env.WEB_PUSH_SUBJECT;
  const address = /<([^>]+)>/.exec(env.MAIL_FROM)?.[1] ?? env.MAIL_FROM.trim();
  return `mailto:${address}`;
}

/** The key pair: from the environment, else the database's, made on first use. */
export function vapidKeys(db: TDb): Promise<TVapidKeys> {
  if (!cachedKeys) {
    cachedKeys = loadVapidKeys(db);
    cachedKeys.catch(() => {
      cachedKeys = undefined;
    });
  }
  return cachedKeys;
}

/** Tests: forget the cached pair (another database, other environment). */
export function forgetVapidKeysForTests(): void {
  cachedKeys = undefined;
}

async function loadVapidKeys(db: TDb): Promise<TVapidKeys> {
  const env = getEnv();
  if (env.WEB_PUSH_VAPID_PUBLIC_KEY && env.WEB_PUSH_VAPID_PRIVATE_KEY) {
    return { publicKey: env.WEB_PUSH_VAPID_PUBLIC_KEY, privateKey: env.WEB_PUSH_VAPID_PRIVATE_KEY, subject: subject() };
  }
  if (env.WEB_PUSH_VAPID_PUBLIC_KEY || env.WEB_PUSH_VAPID_PRIVATE_KEY) {
    throw new Error("Set both WEB_PUSH_VAPID_PUBLIC_KEY and WEB_PUSH_VAPID_PRIVATE_KEY, or neither (see .env.example).");
  }
  const fresh = webpush.generateVAPIDKeys();
  const id = newRowId();
  await db.$executeRaw`
    INSERT INTO web_push_keys (id, slot, public_key, private_key)
    VALUES (${id}::uuid, 1, ${fresh.publicKey}, ${sealField("webPushPrivateKey", { keyId: id }, fresh.privateKey)})
    ON CONFLICT (slot) DO NOTHING`;
  const row = await db.webPushKey.findUniqueOrThrow({ where: { slot: 1 }, select: { id: true, publicKey: true, privateKey: true } });
  return { publicKey: row.publicKey, privateKey: openField("webPushPrivateKey", { keyId: row.id }, row.privateKey), subject: subject() };
}

// --- Devices -------------------------------------------------------------------

/** Push services of the browsers people use (host, or a suffix starting with "."). */
const VENDOR_HOSTS = ["fcm.googleapis.com", ".push.services.mozilla.com", ".notify.windows.com", ".push.apple.com"];

export function isAllowedPushEndpoint(endpoint: string): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.protocol !== "https:" || url.username || url.password) return false;
  const extra = (getEnv().WEB_PUSH_EXTRA_HOSTS ?? "").split(",").map((host) => host.trim().toLowerCase()).filter(Boolean);
  if (extra.includes(url.host.toLowerCase())) return true;
  if (url.port) return false;
  const host = url.hostname.toLowerCase();
  return VENDOR_HOSTS.some((vendor) => (vendor.startsWith(".") ? host.endsWith(vendor) : host === vendor));
}

/** A short hash of an endpoint: lets a browser recognise its own row without the server handing endpoints out. */
export function endpointHash(endpoint: string): string {
  return createHash("sha256").update(endpoint).digest("hex").slice(0, 32);
}

/** "Chrome on Android", "Safari on iPhone": enough to tell one's devices apart. */
export function deviceLabel(userAgent: string): string {
  const ua = userAgent;
  const browser = /Edg(e|A|iOS)?\//.test(ua)
    ? "Edge"
    : /OPR\/|Opera/.test(ua)
      ? "Opera"
      : /SamsungBrowser\//.test(ua)
        ? "Samsung Internet"
        : /Firefox\/|FxiOS\//.test(ua)
          ? "Firefox"
          : /Chrome\/|CriOS\//.test(ua)
            ? "Chrome"
            : /Safari\//.test(ua)
              ? "Safari"
              : "A browser";
  const system = /iPhone/.test(ua)
    ? "iPhone"
    : /iPad/.test(ua)
      ? "iPad"
      : /Android/.test(ua)
        ? "Android"
        : /Windows/.test(ua)
          ? "Windows"
          : /Macintosh|Mac OS X/.test(ua)
            ? "Mac"
            : /CrOS/.test(ua)
              ? "ChromeOS"
              : /Linux/.test(ua)
                ? "Linux"
                : null;
  return system ? `${browser} on ${system}` : browser;
}

/** Whether the keys are a P-256 public point and a 16-byte secret, as a browser makes them: pushes can be encrypted to them. */
export function arePushKeysUsable(keys: { p256dh: string; auth: string }): boolean {
  try {
    const ecdh = createECDH("prime256v1");
    ecdh.generateKeys();
    ecdh.computeSecret(Buffer.from(keys.p256dh, "base64url"));
    return Buffer.from(keys.auth, "base64url").length === 16;
  } catch {
    return false;
  }
}

export async function subscribeDevice(
  db: TDb,
  user: TActor,
  input: TPushSubscribe,
  context: { sessionId: string | null; userAgent: string },
): Promise<{ id: string }> {
  if (!isAllowedPushEndpoint(input.endpoint)) {
    throw fieldError("endpoint", "This browser's notification service isn't one Alliance can send to. Try another browser.");
  }
  if (!arePushKeysUsable(input.keys)) {
    throw fieldError("keys", "This browser's notification keys look wrong. Try turning notifications on again.");
  }
  const fields = {
    userId: user.id,
    authSessionId: context.sessionId,
    p256dh: input.keys.p256dh,
    auth: input.keys.auth,
    label: deviceLabel(context.userAgent).slice(0, 100),
  };
  return db.pushSubscription.upsert({
    where: { endpoint: input.endpoint },
    create: { endpoint: input.endpoint, ...fields, createdAt: clockNow() },
    // Re-bound to whoever subscribes it now; a new owner starts a new history.
    update: { ...fields, createdAt: clockNow(), lastSuccessAt: null },
    select: { id: true },
  });
}

export async function listDevices(db: TDb, user: TActor) {
  const rows = await db.pushSubscription.findMany({
    where: { userId: user.id },
    orderBy: { createdAt: "asc" },
    select: { id: true, label: true, endpoint: true, createdAt: true, lastSuccessAt: true },
  });
  return rows.map(({ endpoint, ...row }) => ({ ...row, endpointHash: endpointHash(endpoint) }));
}

export async function removeDevice(db: TDb, user: TActor, id: string): Promise<void> {
  const { count } = await db.pushSubscription.deleteMany({ where: { id, userId: user.id } });
  if (count === 0) throw notFound("That device");
}

// --- Sending ---------------------------------------------------------------------

export type TPushOutcome = "sent" | "skipped";

/** A push that can't get through after this many tries (with backoff, about an hour) is given up. */
export const PUSH_MAX_ATTEMPTS = 6;

/** Long enough for a phone that is off for an evening; a push older than a day is not worth showing. */
export const PUSH_TTL_SECONDS = 24 * 3600;
const PUSH_TIMEOUT_MS = 15_000;

/** A push service's failure without its endpoint or body (which name the device). */
export class PushServiceError extends Error {
  constructor(readonly statusCode: number | null, readonly failed: number) {
    super(`${failed} push service request(s) failed${statusCode ? ` (last status ${statusCode})` : ""}`);
    this.name = "PushServiceError";
  }
}

function statusOf(error: unknown): number | null {
  return error instanceof webpush.WebPushError ? error.statusCode : null;
}

export async function sendNotificationPush(db: TDb, notificationId: string): Promise<TPushOutcome> {
  const notification = await notificationToSend(db, notificationId);
  if (!notification) return "skipped";
  if ((await channelFor(db, notification.user.id, notification.kind)) !== "push") return "skipped";
  const devices = await db.pushSubscription.findMany({
    where: { userId: notification.user.id },
    select: { id: true, endpoint: true, p256dh: true, auth: true },
  });
  if (devices.length === 0) return "skipped";
  if (HOMEWORK_MESSAGE_KINDS.includes(notification.kind) && (await hadHomeworkMessageToday(db, notification.user))) return "skipped";
  const claimed = await db.notification.updateMany({ where: { id: notification.id, pushedAt: null }, data: { pushedAt: clockNow() } });
  if (claimed.count !== 1) return "skipped";

  const keys = await vapidKeys(db);
  // A lock screen shows it: named as an e-mail's subject is (no client's name, nothing of a safety plan).
  const payload = JSON.stringify({ title: titleSeenOutside(notification.kind, notification.title), url: safeReturnPath(notification.linkPath) ?? "/" });
  const results = await Promise.all(
    devices.map(async (device) => {
      try {
        await webpush.sendNotification({ endpoint: device.endpoint, keys: { p256dh: device.p256dh, auth: device.auth } }, payload, {
          vapidDetails: keys,
          TTL: PUSH_TTL_SECONDS,
          urgency: "normal",
          timeout: PUSH_TIMEOUT_MS,
        });
        return { id: device.id, status: "ok" as const };
      } catch (error) {
        const code = statusOf(error);
        return { id: device.id, status: code === 404 || code === 410 ? ("gone" as const) : ("failed" as const), code };
      }
    }),
  );
  const ok = results.filter((result) => result.status === "ok").map((result) => result.id);
  const gone = results.filter((result) => result.status === "gone").map((result) => result.id);
  const failed = results.filter((result) => result.status === "failed");
  if (ok.length > 0) await db.pushSubscription.updateMany({ where: { id: { in: ok } }, data: { lastSuccessAt: clockNow() } });
  if (gone.length > 0) await db.pushSubscription.deleteMany({ where: { id: { in: gone } } });
  if (ok.length > 0) return "sent";
  // Nothing arrived anywhere: not a message today, and a retry may send it.
  await db.notification.updateMany({ where: { id: notification.id }, data: { pushedAt: null } });
  if (failed.length > 0) throw new PushServiceError(failed.at(-1)?.code ?? null, failed.length);
  return "skipped";
}
