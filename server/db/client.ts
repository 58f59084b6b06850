// One PrismaClient per process (house-style). In development Next reloads
// modules, so the instance is kept on globalThis to avoid a pool per reload.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { requireDatabaseUrl } from "../env";

export type TDb = PrismaClient;

const globalForDb = globalThis as unknown as { allianceDb?: PrismaClient };

export function createDb(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 10 }) });
}

export function getDb(): PrismaClient {
  globalForDb.allianceDb ??= createDb(requireDatabaseUrl());
  return globalForDb.allianceDb;
}
