import type { MetadataRoute } from "next";

/**
 * The web app manifest (/manifest.webmanifest): what a phone needs to put
 * Alliance on its home screen. The start URL is "/", which opens each
 * person's own home (the caseload for a therapist, Today for a client) and
 * the sign-in page for anyone signed out.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Alliance",
    short_name: "Alliance",
    description: "Where you and your therapist work together between sessions.",
    id: "/",
    start_url: "/",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    background_color: "#faf8f5",
    theme_color: "#0f766e",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      { src: "/icons/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
    ],
  };
}
