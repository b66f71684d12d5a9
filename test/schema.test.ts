import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { outputJsonSchemaText } from "../src/schema/json-schema.js";

describe("JSON Schema", () => {
  it("the committed schemas/lsp-report.schema.json is the one generated from the zod schemas (regenerate: npm run schema)", () => {
    const committed = readFileSync("schemas/lsp-report.schema.json", "utf8");
    expect(committed).toBe(outputJsonSchemaText());
  });

  it("keeps the public contract's names", () => {
    const schema = JSON.parse(outputJsonSchemaText());
    const report = schema.properties.reports.items;
    expect(Object.keys(report.properties)).toEqual(expect.arrayContaining(["source", "priorities"]));
    const priority = report.properties.priorities.items;
    for (const name of ["reference", "theme", "year", "quarter", "title", "leadOfficer", "organisation", "overallRating", "directionOfTravel", "assessment", "indicators", "actions", "contributors"]) {
      expect(priority.properties).toHaveProperty(name);
    }
    const indicator = priority.properties.indicators.items;
    for (const name of ["ref", "definition", "comments", "baseline", "targets", "result", "rag", "forecast", "dataQuality"]) {
      expect(indicator.properties).toHaveProperty(name);
    }
    expect(priority.properties.actions.items.properties.timescale.properties).toHaveProperty("due");
    expect(priority.properties.contributors.items.properties.side.enum).toEqual(["internal", "external"]);
  });
});
