// The database a maintenance script (rotate-key, backup, restore) works on:
// the one `npm start` uses.
import pg from "pg";
import { getEnv } from "../../server/env";
import { embeddedServerUrl } from "../../server/db/embedded";
import { ensureDatabase, resolveDatabaseServer, type TDatabaseServer } from "../../server/db/provision";

export type TDatabaseInUse = {
  url: string;
  /** Unpooled (DATABASE_DIRECT_URL when set): for what needs a session of its own, like a snapshot or COPY. */
  directUrl: string;
  /** Where the data lives, for messages (never the password). */
  description: string;
  /** Set when this script started the embedded Postgres: stop it when done. */
  server?: TDatabaseServer;
};

/** DATABASE_URL; else the local install's embedded Postgres, running or started for this. */
export async function databaseInUse(): Promise<TDatabaseInUse> {
  const env = getEnv();
  if (env.DATABASE_URL) {
    const name = new URL(env.DATABASE_URL).pathname.slice(1);
    return { url: env.DATABASE_URL, directUrl: env.DATABASE_DIRECT_URL ?? env.DATABASE_URL, description: `database "${name}" (DATABASE_URL)` };
  }
  const description = `the built-in database (${env.EMBEDDED_PG_DIR})`;
  const running = embeddedServerUrl(env.EMBEDDED_PG_PORT);
  const client = new pg.Client({ connectionString: running });
  const isRunning = await client.connect().then(
    () => true,
    () => false,
  );
  await client.end().catch(() => {});
  if (isRunning) {
    const url = await ensureDatabase(running, "alliance");
    return { url, directUrl: url, description };
  }
  const server = await resolveDatabaseServer({ dataDir: env.EMBEDDED_PG_DIR, port: env.EMBEDDED_PG_PORT });
  const url = await ensureDatabase(server.serverUrl, "alliance");
  return { url, directUrl: url, description, server };
}
