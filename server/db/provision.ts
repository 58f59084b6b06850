// Finding a Postgres server and making databases on it, for `npm start` and
// for the tests. Tests never write to the database DATABASE_URL names: they
// make their own databases on the same server and drop them afterwards.
import pg from "pg";
import { startEmbeddedPostgres, withDatabase, type TEmbeddedServer } from "./embedded";


export async function databaseExists(serverUrl: string, name: string): Promise<boolean> {
  return withClient(serverUrl, async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    return (rowCount ?? 0) > 0;
  });
}

/** Creates `name` (optionally as a copy of `template`) unless it exists; returns its URL. */
export async function ensureDatabase(serverUrl: string, name: string, template?: string): Promise<string> {
  assertIdentifier(name);
  if (template) assertIdentifier(template);
  if (!(await databaseExists(serverUrl, name))) {
    await withClient(serverUrl, (client) =>
      client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`),
    );
  }
  return withDatabase(serverUrl, name);
}

export async function dropDatabases(serverUrl: string, prefix: string): Promise<void> {
  assertIdentifier(prefix);
  await withClient(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE starts_with(datname, $1)",
      [prefix],
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}

export type TDatabaseServer = { serverUrl: string; stop: () => Promise<void> };

/**
 * The server named by `url` when given (nothing to stop), else an embedded
 * Postgres kept in `dataDir`.
 */
export async function resolveDatabaseServer(options: {
  url?: string;
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<TDatabaseServer> {
  if (options.url) return { serverUrl: options.url, stop: async () => {} };
  try {
    const embedded: TEmbeddedServer = await startEmbeddedPostgres(options);
    return embedded;
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0].slice(0, 160);
    throw new DatabaseStartError(
      `The built-in database couldn't start (${reason}). Set DATABASE_URL to a PostgreSQL server you run (see .env.example), or see "Set up" in the README.`,
      { cause: error },
    );
  }
}

/** The embedded Postgres could not start. The message is one sentence for a person; the cause has the details. */
export class DatabaseStartError extends Error {
  override name = "DatabaseStartError";
}

async function withClient<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function assertIdentifier(name: string): void {
  if (!/^[a-z0-9_]{1,63}$/.test(name)) throw new Error(`Unsafe database name: ${name}`);
}
