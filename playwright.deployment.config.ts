// The deployment specs (e2e/deployment/): each starts the processes of a real
// deployment itself (app instances with `next start` on the production build,
// background workers, a Postgres it may stop), so there is no shared web
// server here, and one spec runs at a time on the 2 cores they share.
import { defineConfig, devices } from "@playwright/test";
import base from "./playwright.config";

export default defineConfig({
  testDir: "e2e/deployment",
  forbidOnly: base.forbidOnly,
  retries: 0,
  workers: 1,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: ".data/reports/playwright-deployment.json" }]],
  use: { trace: "retain-on-failure", launchOptions: base.use?.launchOptions },
  projects: [{ name: "deployment", use: { ...devices["Desktop Chrome"], browserName: "chromium" } }],
});
