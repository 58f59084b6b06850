// One-click unsubscribe links for e-mails (RFC 8058).
//
// Invariants:
// - A token names one person and one kind, and does one thing: stop that
//   kind reaching them by e-mail. It signs in no one and reads nothing.
// - It is an HMAC-SHA256 over "<userId>:<kind>" with a key derived from
//   NEXTAUTH_SECRET under its own label, so it can't be confused with any
//   other signature the app makes; compared in constant time. It never
//   expires (a link in an old e-mail must still work), and rotating
//   NEXTAUTH_SECRET retires every outstanding link.
// - Only a POST changes anything. A GET (mail scanners prefetch links) shows
//   a page with a button.
// - "Stop e-mails" means: in the app only where the kind has an in-app form,
//   otherwise off; a kind already not sent by e-mail is left as it is.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { TDb } from "../db/client";
import type { NotificationKind } from "../db/generated/enums";
import { appUrl, getEnv } from "../env";
import { NOTIFICATION_KINDS } from "../../lib/notifications/kinds";
import { channelFor, setChannel } from "./preferences";

const LABEL = "alliance/unsubscribe/v1";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type TUnsubscribeTarget = { userId: string; kind: NotificationKind };

function signingKey(): Buffer {
  const secret = getEnv().NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set: unsubscribe links cannot be signed.");
  return createHmac("sha256", secret).update(LABEL).digest();
}

function mac(payload: string): Buffer {
  return createHmac("sha256", signingKey()).update(payload).digest();
}

export function unsubscribeToken(target: TUnsubscribeTarget): string {
  const payload = `${target.userId}:${target.kind}`;
  return `${Buffer.from(payload).toString("base64url")}.${mac(payload).toString("base64url")}`;
}

/** The person and kind a token names, or null for anything forged, truncated or malformed. */
export function verifyUnsubscribeToken(token: unknown): TUnsubscribeTarget | null {
  if (typeof token !== "string" || token.length > 300) return null;
  const [encoded, signature, ...rest] = token.split(".");
  if (!encoded || !signature || rest.length > 0) return null;
  const payload = Buffer.from(encoded, "base64url").toString("utf8");
  const given = Buffer.from(signature, "base64url");
  const expected = mac(payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const [userId, kind] = payload.split(":");
  if (!userId || !UUID.test(userId) || !kind || !(kind in NOTIFICATION_KINDS)) return null;
  return { userId, kind: kind as NotificationKind };
}

/** The page a person opens from the e-mail's footer (GET shows, the button POSTs). */
export function unsubscribePageUrl(target: TUnsubscribeTarget): string {
  return `${appUrl()}/unsubscribe?token=${encodeURIComponent(unsubscribeToken(target))}`;
}

/** The List-Unsubscribe link: mail programs POST "List-Unsubscribe=One-Click" to it. */
export function oneClickUnsubscribeUrl(target: TUnsubscribeTarget): string {
  return `${appUrl()}/api/unsubscribe?token=${encodeURIComponent(unsubscribeToken(target))}`;
}

/** What stops: the kind's label, and whether it stays in the app. */
export function describeUnsubscribe(kind: NotificationKind): { label: string; keepsInApp: boolean } {
  const info = NOTIFICATION_KINDS[kind];
  return { label: info.label, keepsInApp: info.channels.includes("in_app") };
}

/**
 * Stops the kind's e-mails for the person the token names. Returns false for
 * a bad token or a person who no longer exists; true (also when it was
 * already stopped) otherwise.
 */
export async function applyUnsubscribe(db: TDb, token: unknown): Promise<boolean> {
  const target = verifyUnsubscribeToken(token);
  if (!target) return false;
  const user = await db.user.findUnique({ where: { id: target.userId }, select: { id: true } });
  if (!user) return false;
  // Already not by e-mail (in the app only, or off): nothing to stop, and
  // someone who switched a kind off must not find it back on in the app.
  if ((await channelFor(db, target.userId, target.kind)) !== "email") return true;
  const { keepsInApp } = describeUnsubscribe(target.kind);
  await setChannel(db, target.userId, target.kind, keepsInApp ? "in_app" : "off");
  return true;
}
