import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The use-case layer's rule (docs/architecture.md, "Use cases"): entry points parse, call one use
// case, and answer or render. So nothing under app/ or components/, no server action
// (lib/*/actions.ts) and no job (lib/jobs/) reaches the SQL (lib/db/queries) or picks a database
// role itself (asOwner, asService, asVisitor... from lib/db): only a feature's use cases do.

const ROOT = process.cwd();
const QUERIES = path.join(ROOT, "lib/db/queries");
const DB_INDEX = path.join(ROOT, "lib/db");

/**
 * Files still allowed an import the rule forbids, each with its owner and why. Empty: keep it so.
 * An entry no longer needed fails the test, so the list only shrinks.
 */
const EXCEPTIONS: { file: string; imports: string[]; owner: string; reason: string }[] = [];

interface Offence {
  file: string;
  /** The module specifier, or `<specifier> { asOwner }` for a role helper. */
  imports: string;
}

const SOURCE = /\.(ts|tsx|mts)$/;

function sourceFiles(dir: string): string[] {
  const absolute = path.join(ROOT, dir);
  if (!fs.existsSync(absolute)) return [];
  return (fs.readdirSync(absolute, { recursive: true }) as string[])
    .filter((entry) => SOURCE.test(entry) && !entry.split(path.sep).includes("node_modules"))
    .map((entry) => path.join(dir, entry));
}

/** The files the rule covers: every entry point. */
function entryPoints(): string[] {
  const actions = fs
    .readdirSync(path.join(ROOT, "lib"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join("lib", entry.name, "actions.ts"))
    .filter((file) => fs.existsSync(path.join(ROOT, file)));
  return [...sourceFiles("app"), ...sourceFiles("components"), ...sourceFiles("lib/jobs"), ...actions].sort();
}

/** Where a specifier points on disk (without extension), or null for a package. */
function resolved(file: string, specifier: string): string | null {
  if (specifier.startsWith("@/")) return path.join(ROOT, specifier.slice(2));
  if (specifier.startsWith(".")) return path.resolve(path.dirname(path.join(ROOT, file)), specifier);
  return null;
}

// Static imports and re-exports (with what they bind), and dynamic import() calls.
const STATIC = /(?:^|\n)\s*(?:import|export)\s+(type\s+)?([^;]*?)\s+from\s+["']([^"']+)["']/g;
const DYNAMIC = /\bimport\(\s*["']([^"']+)["']\s*\)/g;

/** The names a static import binds from its braces, type-only ones left out. */
function boundNames(typeOnly: boolean, clause: string): string[] {
  if (typeOnly) return [];
  const braces = clause.match(/\{([^}]*)\}/);
  if (!braces) return [];
  return braces[1]
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part && !part.startsWith("type "))
    .map((part) => part.split(/\s+as\s+/)[0].trim());
}

/** What one file (its path from the root, and its text) imports that the rule forbids. */
function offencesIn(file: string, source: string): Offence[] {
  const found: Offence[] = [];
  const check = (specifier: string, names: string[] | "all") => {
    const target = resolved(file, specifier);
    if (!target) return;
    if (target === QUERIES || target.startsWith(`${QUERIES}${path.sep}`)) {
      found.push({ file, imports: specifier });
      return;
    }
    if (target === DB_INDEX || target === path.join(DB_INDEX, "index")) {
      // A role helper: asOwner, asService, asServiceStatement, asVisitor...
      const helpers = names === "all" ? ["*"] : names.filter((name) => /^as[A-Z]/.test(name));
      if (helpers.length > 0) found.push({ file, imports: `${specifier} { ${helpers.join(", ")} }` });
    }
  };
  for (const match of source.matchAll(STATIC)) {
    const [, typeOnly, clause, specifier] = match;
    const namespace = /\*\s+as\s+\w+/.test(clause) && !typeOnly;
    check(specifier, namespace ? "all" : boundNames(Boolean(typeOnly), clause));
  }
  for (const match of source.matchAll(DYNAMIC)) check(match[1], "all");
  return found;
}

const offencesOf = (file: string) => offencesIn(file, fs.readFileSync(path.join(ROOT, file), "utf8"));

const key = (offence: Offence) => `${offence.file} -> ${offence.imports}`;

describe("the use-case layer", () => {
  const offences = entryPoints().flatMap(offencesOf);
  const allowed = new Set(EXCEPTIONS.flatMap((entry) => entry.imports.map((imports) => `${entry.file} -> ${imports}`)));

  it("keeps entry points away from the SQL and the database roles (lib/db/queries, asOwner...)", () => {
    const forbidden = offences.map(key).filter((offence) => !allowed.has(offence));
    expect(forbidden, "call the feature's use case (lib/<feature>/use-cases.ts) instead").toEqual([]);
  });

  it("lists only exceptions that are still needed, each with its owner and reason", () => {
    const seen = new Set(offences.map(key));
    expect(
      [...allowed].filter((exception) => !seen.has(exception)),
      "remove these from EXCEPTIONS",
    ).toEqual([]);
    for (const entry of EXCEPTIONS) {
      expect(entry.owner.length, entry.file).toBeGreaterThan(0);
      expect(entry.reason.length, entry.file).toBeGreaterThan(10);
    }
  });

  it("sees the imports it is meant to catch", () => {
    // The scanner itself: a file it read wrong would pass the rule silently.
    const read = (source: string) => offencesIn("app/probe.ts", source).map((offence) => offence.imports);
    expect(read('import { listWebhooks } from "@/lib/db/queries/webhooks";')).toEqual(["@/lib/db/queries/webhooks"]);
    expect(read('import { findChatbot } from "../lib/db/queries/chatbots";')).toEqual(["../lib/db/queries/chatbots"]);
    expect(read('import { asOwner, type Queryable } from "@/lib/db";')).toEqual(["@/lib/db { asOwner }"]);
    expect(read('import type { Queryable } from "@/lib/db";\nimport { getDb } from "@/lib/db";')).toEqual([]);
    expect(read('const q = await import("@/lib/db/queries/knowledge");')).toEqual(["@/lib/db/queries/knowledge"]);
    expect(read('import { listWebhooks } from "@/lib/webhooks/use-cases";')).toEqual([]);
  });
});
