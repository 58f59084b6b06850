// Whether the production build is older than the sources it was built from
// (`npm start` and `npm run bench` build first when it is).
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

export function needsBuild(): boolean {
  const buildId = path.resolve(".next/BUILD_ID");
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  const sources = ["app", "components", "server", "lib", "prisma/seed", "proxy.ts", "next.config.ts", "package-lock.json"];
  return sources.some((source) => newestMtime(path.resolve(source)) > builtAt);
}

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    stat.mtimeMs,
    ...readdirSync(target)
      .filter((entry) => entry !== "generated")
      .map((entry) => newestMtime(path.join(target, entry))),
  );
}
