// Prisma CLI configuration. The app itself never reads this file: it builds
// its client in server/db/client.ts from the validated env.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/alliance" },
});
