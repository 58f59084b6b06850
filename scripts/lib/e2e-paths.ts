// Where the e2e server (scripts/e2e-server.ts) leaves what specs need to
// read: here, below both, so that scripts/ never imports e2e/.
import path from "node:path";

export const E2E_DIR = path.resolve(".data/e2e");
export const E2E_OUTBOX_DIR = path.join(E2E_DIR, "outbox");
export const E2E_DATABASE_URL_FILE = path.join(E2E_DIR, "database-url");
/** The run's data key: records seeded by specs are sealed as the app seals them. */
export const E2E_DATA_KEY_FILE = path.join(E2E_DIR, "data-key");
