// One PrismaClient per process (docs/house-style.md, H7). In development Next reloads
// modules, so the instance is kept on globalThis to avoid a pool per reload.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { noteDatabaseError, noteDatabaseReachable, registerOutageProbe } from "./outage";
import { PrismaClient } from "./generated/client";
import { requireDatabaseUrl } from "../env";

export type TDb = PrismaClient;

const globalForDb = globalThis as unknown as { allianceDb?: PrismaClient };

/** The app's connections in pg_stat_activity and the server's log (instances, the worker and scripts use others). */
export const APP_APPLICATION_NAME = "alliance-app";

/** A connection attempt that hangs (a host gone from the network) fails after this, rather than holding a request. */
const CONNECT_TIMEOUT_MS = 5_000;

export function createDb(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 10, connectionTimeoutMillis: CONNECT_TIMEOUT_MS }) });
}

/**
 * The app's client. Its pool reports to server/db/outage.ts: errors that
 * mean "unreachable" start an outage (the proxy answers 503), and the first
 * new connection afterwards ends it; every connection handed back cleanly
 * counts as a sign the database answers.
 */
export function getDb(): PrismaClient {
  if (!globalForDb.allianceDb) {
    const pool = new pg.Pool({
      connectionString: requireDatabaseUrl(),
      max: 10,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      application_name: APP_APPLICATION_NAME,
    });
    pool.on("connect", noteDatabaseReachable);
    // A connection handed back without an error has just answered.
    pool.on("release", (error: Error | undefined) => {
      if (!error) noteDatabaseReachable();
    });
    registerOutageProbe(() => pool.query("SELECT 1"));
    globalForDb.allianceDb = new PrismaClient({
      adapter: new PrismaPg(pool, { onPoolError: noteDatabaseError, onConnectionError: noteDatabaseError, disposeExternalPool: true }),
    });
  }
  return globalForDb.allianceDb;
}
