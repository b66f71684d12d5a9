/**
 * The records are typed by TypeScript alone on the way (the parser imports only the schema's
 * types: a zod check of every record would cost the parser's time again in every run). Here the
 * parser's output for every fixture is checked once against the zod schema the JSON Schema is
 * generated from, so that the types and the published schema cannot drift apart unseen.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseBytes } from "../src/pipeline.js";
import { Report } from "../src/schema/records.js";

const FIXTURES = ["seeds", "docx", "doc", "html", "libreoffice"].flatMap((folder) =>
  readdirSync(join("fixtures", folder)).map((name) => join("fixtures", folder, name)),
);

describe("the records of every fixture", () => {
  it.each(FIXTURES)("%s matches the schema of the JSON output", async (path) => {
    const report = await parseBytes(readFileSync(path), path);
    expect(report.priorities.length).toBeGreaterThan(0);
    const checked = Report.safeParse(report);
    expect(checked.success ? [] : checked.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`)).toEqual([]);
  });
});
