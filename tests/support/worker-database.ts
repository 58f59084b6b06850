// Each Vitest worker gets its own database, cloned from the migrated
// template, so test files in different workers never see each other's rows.
// Within a worker, tests create their own users and records (factories.ts).
import { createHash } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { ensureDatabase } from "../../server/db/provision";
import { setEnvForChildren } from "../../server/env";

const serverUrl = inject("databaseServerUrl");
const worker = process.env.VITEST_POOL_ID ?? "0";
const url = await ensureDatabase(serverUrl, `${inject("databasePrefix")}w${worker}`, inject("templateDatabase"));
setEnvForChildren({
  DATABASE_URL: url,
  // One throwaway key per worker database, which outlives a test file (and
  // its process): tests seal and open text like the app does.
  DATA_ENCRYPTION_KEY: createHash("sha256").update(`alliance-test-key:${url}`).digest("base64url"),
  DATA_ENCRYPTION_OLD_KEYS: "",
  // Signs cookies and links, and keys the throttle hashes; files that sign in through next-auth set their own.
  NEXTAUTH_SECRET: createHash("sha256").update(`alliance-test-secret:${url}`).digest("base64url"),
  // Required for therapists by default; these tests sign therapists in without a code, as a practice
  // that turned the requirement off would (tests/integration/two-factor.test.ts checks the default).
  REQUIRE_TWO_FACTOR_FOR_THERAPISTS: "false",
  // Captured e-mails go to a throwaway folder, not the developer's outbox.
  MAIL_OUTBOX_DIR: path.join(os.tmpdir(), `alliance-test-outbox-${inject("databasePrefix")}w${worker}`),
  // A line per procedure call would drown the test output; LOG_LEVEL=info to see them.
  // Tests that read the logs capture them (tests/support/logs.ts).
  LOG_LEVEL: process.env.LOG_LEVEL || "silent",
});
