import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BUILD_SECRETS } from "../support/build-secrets";

// The e2e suite's one build ran with dummy secrets in its environment (tests/support/server-setup.ts);
// what the browser downloads is .next/static, and none of them may be in it.

async function filesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

describe("the browser's bundles", () => {
  it("carry none of the server's secrets", async () => {
    const files = await filesUnder(path.join(process.cwd(), ".next", "static"));
    const contents = await Promise.all(files.map(async (file) => ({ file, text: await readFile(file, "latin1") })));
    // The scan reads the real bundles: the chat's client code is in them.
    expect(contents.some(({ text }) => text.includes("composer-input"))).toBe(true);
    for (const [name, value] of Object.entries(BUILD_SECRETS)) {
      const secret = name === "SMTP_URL" ? (/:([^:@]+)@/.exec(value)?.[1] ?? value) : value;
      const leaks = contents.filter(({ text }) => text.includes(secret)).map(({ file }) => file);
      expect(leaks, name).toEqual([]);
    }
  });
});
