import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DatabaseStartError, resolveDatabaseServer } from "./provision";

describe("resolveDatabaseServer", () => {
  it("says in one sentence why the built-in database can't start, and what to do", async () => {
    // A data folder under a regular file can never be made.
    const dir = mkdtempSync(path.join(tmpdir(), "alliance-provision-"));
    writeFileSync(path.join(dir, "not-a-folder"), "");
    const failure = await resolveDatabaseServer({ dataDir: path.join(dir, "not-a-folder", "pg", "data"), port: 1 }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(DatabaseStartError);
    const message = (failure as Error).message;
    expect(message).toMatch(/^The built-in database couldn't start \(.+\)\. Set DATABASE_URL to a PostgreSQL server you run/);
    expect(message.split("\n")).toHaveLength(1);
    expect((failure as Error).cause).toBeInstanceOf(Error);
  });

  it("uses the server it is given without starting anything", async () => {
    expect(await resolveDatabaseServer({ url: "postgresql://example.invalid/db", dataDir: "/nonexistent", port: 1 })).toMatchObject({
      serverUrl: "postgresql://example.invalid/db",
    });
  });
});
