// Once per Vitest run: find a Postgres server (the one `npm test` started,
// TEST_DATABASE_URL's, DATABASE_URL's, or an embedded one), build a template
// database with every migration applied, and drop this run's databases at
// the end. Each worker clones the template (tests/support/worker-database.ts).
import type { TestProject } from "vitest/node";
import { getEnv } from "../../server/env";
import { applyMigrations } from "../../server/db/migrate";
import { dropDatabases, ensureDatabase, resolveDatabaseServer } from "../../server/db/provision";

declare module "vitest" {
  // Module augmentation can only merge interfaces.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    databaseServerUrl: string;
    templateDatabase: string;
    databasePrefix: string;
  }
}

export default async function setup(project: TestProject) {
  const env = getEnv();
  const server = await resolveDatabaseServer({
    url: env.TEST_DATABASE_SERVER_URL ?? env.TEST_DATABASE_URL ?? env.DATABASE_URL,
    dataDir: ".data/test-postgres",
    port: 54397,
  });
  const prefix = `alliance_test_${process.pid}_`;
  const template = `${prefix}template`;
  await dropDatabases(server.serverUrl, prefix);
  await applyMigrations(await ensureDatabase(server.serverUrl, template));
  project.provide("databaseServerUrl", server.serverUrl);
  project.provide("templateDatabase", template);
  project.provide("databasePrefix", prefix);
  return async () => {
    await dropDatabases(server.serverUrl, prefix);
    await server.stop();
  };
}
