import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { connection } from "next/server";
import { TRPCReactProvider } from "@/components/trpc/provider";
import { ServiceWorker } from "@/components/offline/service-worker";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Alliance", template: "%s · Alliance" },
  description: "Where you and your therapist work together between sessions.",
  robots: { index: false, follow: false },
  // On a phone's home screen (app/manifest.ts; iOS reads these instead).
  manifest: "/manifest.webmanifest",
  icons: { icon: "/icons/icon.svg", apple: "/icons/apple-touch-icon.png" },
  appleWebApp: { title: "Alliance", statusBarStyle: "default" },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#0f766e",
};

/**
 * Every page is rendered per request: the proxy's CSP carries a fresh nonce,
 * which only a rendered page can put on its scripts. A page prerendered at
 * build time would have its scripts blocked and never become interactive.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en" className="h-full">
      <body className="min-h-full antialiased">
        <TRPCReactProvider>{children}</TRPCReactProvider>
        <ServiceWorker />
      </body>
    </html>
  );
}
