/// <reference lib="webworker" />
// Web push in the service worker (lib/service-worker/sw.ts imports this):
// showing a push, and opening Alliance where it points when it is tapped.
//
// Invariants:
// - A push carries {title, url} only (server/notifications/push.ts). What
//   shows is that title, Alliance's icon and a body that says nothing of
//   anyone's words; a payload of any other shape shows a generic notice.
// - A tap opens only a path of this origin: anything else opens the home page.
//   An open Alliance window is reused (focused, then taken to the path)
//   before a new one is opened.

export const PUSH_ICON = "/icons/icon-192.png";
export const PUSH_BODY = "Open Alliance to see it.";
const FALLBACK_TITLE = "Something new in Alliance";

type TPushPayload = { title: string; url: string };

/** The payload as sent, or a generic one: never throws on what arrives. */
export function readPushPayload(text: string | null | undefined): TPushPayload {
  try {
    const value = JSON.parse(text ?? "") as unknown;
    if (value && typeof value === "object") {
      const { title, url } = value as Record<string, unknown>;
      return {
        title: typeof title === "string" && title.trim() ? title.slice(0, 200) : FALLBACK_TITLE,
        url: typeof url === "string" ? url : "/",
      };
    }
  } catch {
    // Not JSON: shown as the generic notice.
  }
  return { title: FALLBACK_TITLE, url: "/" };
}

/** A same-origin path ("/messages/…"), or "/" for anything else (another site, "//host", a scheme). */
export function samePath(url: unknown, origin: string): string {
  if (typeof url !== "string" || !url.startsWith("/") || url.startsWith("//") || url.startsWith("/\\")) return "/";
  try {
    const resolved = new URL(url, origin);
    return resolved.origin === origin ? `${resolved.pathname}${resolved.search}${resolved.hash}` : "/";
  } catch {
    return "/";
  }
}

export function registerPushHandlers(self: ServiceWorkerGlobalScope): void {
  self.addEventListener("push", (event) => {
    const payload = readPushPayload(event.data?.text());
    event.waitUntil(
      self.registration.showNotification(payload.title, {
        body: PUSH_BODY,
        icon: PUSH_ICON,
        badge: PUSH_ICON,
        data: { url: samePath(payload.url, self.location.origin) },
      }),
    );
  });

  self.addEventListener("notificationclick", (event) => {
    event.notification.close();
    const data = event.notification.data as { url?: unknown } | null;
    const path = samePath(data?.url, self.location.origin);
    event.waitUntil(openPath(self, path));
  });
}

async function openPath(self: ServiceWorkerGlobalScope, path: string): Promise<void> {
  const target = new URL(path, self.location.origin).href;
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const open = windows.find((client) => new URL(client.url).origin === self.location.origin);
  if (open) {
    const focused = await open.focus();
    await focused.navigate(target).catch(() => null);
    return;
  }
  await self.clients.openWindow(target);
}
