"use client";

// "Notifications on your devices": whether this browser gets Alliance's web
// pushes, a button to turn them on (the browser asks for permission only
// then), and every device of the person with a way to remove it. Only the
// account page loads this.
import { useEffect, useState } from "react";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";

type TSupport = "checking" | "supported" | "home-screen-first" | "unsupported";

/** The browser hands a subscription's key out as base64url; PushManager wants bytes. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = (base64url + "=".repeat((4 - (base64url.length % 4)) % 4)).replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** The same short hash the server lists devices by (server/notifications/push.ts, endpointHash). */
async function hashOf(endpoint: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(endpoint));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("").slice(0, 32);
}

function supportOf(): TSupport {
  const canPush = "serviceWorker" in navigator && "PushManager" in window && "Notification" in window && window.isSecureContext;
  if (canPush) return "supported";
  // iPhone and iPad: web push works only in Alliance added to the Home Screen (iOS 16.4 and later).
  return /iPhone|iPad|iPod/.test(navigator.userAgent) ? "home-screen-first" : "unsupported";
}

/** The service worker's registration, or null when it isn't running (yet) after a few seconds. */
async function workerRegistration(): Promise<ServiceWorkerRegistration | null> {
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000));
  return Promise.race([navigator.serviceWorker.ready, timeout]);
}

const dayFormat = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "long", year: "numeric" });

export function PushDevicesSection() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: devices } = useSuspenseQuery(trpc.push.list.queryOptions());
  const [support, setSupport] = useState<TSupport>("checking");
  const [thisHash, setThisHash] = useState<string | null>(null);
  const [isBlocked, setIsBlocked] = useState(false);
  const [isWorking, setIsWorking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const afterChange = async (list: typeof devices) => {
    queryClient.setQueryData(trpc.push.list.queryKey(), list);
    await queryClient.invalidateQueries({ queryKey: trpc.notifications.preferences.queryKey() });
  };
  const subscribe = useMutation(trpc.push.subscribe.mutationOptions({ onSuccess: afterChange }));
  const remove = useMutation(trpc.push.remove.mutationOptions({ onSuccess: afterChange }));

  useEffect(() => {
    const found = supportOf();
    let isCurrent = true;
    void (async () => {
      if (found === "supported") {
        setIsBlocked(Notification.permission === "denied");
        const registration = await navigator.serviceWorker.getRegistration("/").catch(() => undefined);
        const subscription = await registration?.pushManager.getSubscription().catch(() => null);
        if (subscription && isCurrent) setThisHash(await hashOf(subscription.endpoint));
      }
      if (isCurrent) setSupport(found);
    })();
    return () => {
      isCurrent = false;
    };
  }, []);

  const isThisOn = thisHash !== null && devices.some((device) => device.endpointHash === thisHash);

  async function turnOn() {
    setProblem(null);
    setIsWorking(true);
    let isSaving = false;
    try {
      const permission = await Notification.requestPermission();
      if (permission !== "granted") {
        setIsBlocked(permission === "denied");
        if (permission !== "denied") setProblem("Nothing has changed. You can turn notifications on whenever you like.");
        return;
      }
      const registration = await workerRegistration();
      if (!registration) {
        setProblem("This browser isn't ready for notifications yet. Please reload the page and try again.");
        return;
      }
      const { publicKey } = await queryClient.fetchQuery(trpc.push.publicKey.queryOptions());
      const options = { userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) };
      const subscription = await registration.pushManager.subscribe(options).catch(async (error: unknown) => {
        // Subscribed before with another key (the server's keys changed): start afresh.
        const old = await registration.pushManager.getSubscription();
        if (!old) throw error;
        await old.unsubscribe();
        return registration.pushManager.subscribe(options);
      });
      const { keys } = subscription.toJSON();
      isSaving = true;
      await subscribe.mutateAsync({ endpoint: subscription.endpoint, keys: { p256dh: keys?.p256dh ?? "", auth: keys?.auth ?? "" } });
      setThisHash(await hashOf(subscription.endpoint));
    } catch (error) {
      // Alliance's own answer is worth showing; a browser's error message is not written for people.
      setProblem(isSaving && error instanceof Error && error.message ? error.message : "That didn't work. Please try again in a moment.");
    } finally {
      setIsWorking(false);
    }
  }

  async function removeDevice(id: string, endpointHash: string) {
    await remove.mutateAsync({ id });
    if (endpointHash !== thisHash) return;
    // This browser: stop its subscription too, so nothing waits for it at the push service.
    const registration = await navigator.serviceWorker.getRegistration("/").catch(() => undefined);
    await (await registration?.pushManager.getSubscription().catch(() => null))?.unsubscribe().catch(() => false);
    setThisHash(null);
  }

  return (
    <div className="flex flex-col gap-4">
      <p className="text-ink-muted">
        Alliance can tell your phone or computer when something arrives. A notification shows only a short title like
        “New message from Dr. Ames” and opens Alliance when you tap it. It never shows what anyone wrote.
      </p>
      {problem ? <Alert tone="error">{problem}</Alert> : null}
      <section aria-labelledby="push-this-device" className="flex flex-col gap-2">
        <h3 id="push-this-device" className="font-medium">
          This device
        </h3>
        {support === "checking" ? <p className="text-ink-muted">Checking this browser…</p> : null}
        {support === "unsupported" ? (
          <p>This browser can&apos;t show notifications from Alliance. You&apos;ll still see everything in Alliance itself.</p>
        ) : null}
        {support === "home-screen-first" ? (
          <p>
            On an iPhone or iPad, add Alliance to your Home Screen first: tap Share, then “Add to Home Screen”. Open Alliance
            from there and turn notifications on here. (This needs iOS 16.4 or later.)
          </p>
        ) : null}
        {support === "supported" && isThisOn ? <p>Notifications are on for this device.</p> : null}
        {support === "supported" && !isThisOn ? (
          <>
            <p>
              {isBlocked
                ? "Notifications are blocked for Alliance in this browser. You can allow them in the browser's site settings."
                : "Notifications are off for this device."}
            </p>
            <div>
              <Button onClick={() => void turnOn()} disabled={isWorking}>
                {isWorking ? "Turning on…" : "Turn on notifications on this device"}
              </Button>
            </div>
          </>
        ) : null}
      </section>
      <section aria-labelledby="push-devices" className="flex flex-col gap-2">
        <h3 id="push-devices" className="font-medium">
          Your devices
        </h3>
        {devices.length === 0 ? (
          <p className="text-ink-muted">No device gets notifications yet.</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {devices.map((device) => (
              <li key={device.id} className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-line px-3 py-2">
                <span>
                  {device.label}
                  {device.endpointHash === thisHash ? " (this device)" : ""}
                  <span className="block text-sm text-ink-muted">Added {dayFormat.format(device.createdAt)}</span>
                </span>
                <ConfirmButton
                  label="Remove"
                  title={`Remove ${device.label}?`}
                  description="It won't get notifications from Alliance any more. You can turn them on again on that device at any time."
                  confirmLabel="Remove"
                  onConfirm={() => removeDevice(device.id, device.endpointHash)}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
