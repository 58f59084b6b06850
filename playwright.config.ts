import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// E2E_PORT: a second checkout can run its specs beside this one.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const isCI = Boolean(process.env.CI);
// Debian's Chromium where it is installed (.ci/run installs it); otherwise
// Playwright's own browser, on machines that could download one.
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((path) => existsSync(path));

export default defineConfig({
  testDir: "e2e",
  // Deployment specs start their own instances and databases: playwright.deployment.config.ts.
  testIgnore: ["deployment/**"],
  forbidOnly: isCI,
  retries: 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: ".data/reports/playwright.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: systemChromium
      ? {
          executablePath: systemChromium,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            // Voice memos: a fake microphone (a beeping tone) and no permission prompt.
            "--use-fake-device-for-media-stream",
            "--use-fake-ui-for-media-stream",
          ],
        }
      : {},
  },
  projects: [
    // A test tagged @desktop-only or @phone-only belongs to one device: the other project doesn't list it (no skips).
    { name: "phone", use: { ...devices["Pixel 7"], browserName: "chromium" }, grepInvert: /@desktop-only/ },
    { name: "desktop", use: { ...devices["Desktop Chrome"], browserName: "chromium" }, grepInvert: /@phone-only/ },
  ],
  webServer: {
    command: `npx tsx scripts/e2e-server.ts ${PORT}`,
    url: `http://127.0.0.1:${PORT}/api/health/ready`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
