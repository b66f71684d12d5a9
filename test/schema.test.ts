import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { jsonSchemaText, SCHEMAS, type SchemaName } from "../src/schema/json-schema.js";

describe("JSON Schema", () => {
  it.each(Object.keys(SCHEMAS) as SchemaName[])("the committed %s schema is the one generated from the zod schemas (regenerate: npm run schema)", (which) => {
    const committed = readFileSync(`schemas/${SCHEMAS[which].file}`, "utf8");
    expect(committed).toBe(jsonSchemaText(which));
  });

  it("keeps the validate output's public names", () => {
    const schema = JSON.parse(jsonSchemaText("findings"));
    expect(Object.keys(schema.properties)).toEqual(["schemaVersion", "files", "summary"]);
    const finding = schema.properties.files.items.properties.findings.items;
    for (const name of ["rule", "severity", "message", "reference", "indicator", "location"]) expect(finding.properties).toHaveProperty(name);
    expect(Object.keys(schema.properties.summary.properties)).toEqual(["files", "errors", "warnings", "infos"]);
  });

  it("keeps the public contract's names", () => {
    const schema = JSON.parse(jsonSchemaText("output"));
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
