/**
 * SARIF 2.1.0 (the OASIS format GitHub code scanning and other viewers read): one run, the tool
 * with every rule (its description and the text of `lsp-report rules <id>`), one result per
 * finding. A text input's result has the line; a Word file has none, so every result also carries
 * logical locations in the document's terms: the update, the indicator (or action) and the cell.
 * https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 */
import { isAbsolute, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import type { Finding, ValidateOutput } from "../../schema/findings.js";
import { RULES } from "../../validate/rules/index.js";
import { locationText } from "../../model/location.js";

export interface SarifTool {
  version: string;
  informationUri: string;
}

export interface SarifOptions {
  tool: SarifTool;
  /** The working folder: artifact URIs are relative to it. */
  cwd: string;
}

const LEVEL: Record<Finding["severity"], "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note" };

/**
 * An input as an artifact location: a URI reference relative to the working folder (forward
 * slashes, each segment percent-encoded), or an absolute file URI for a file outside it.
 */
export function artifactLocation(path: string, cwd: string): { uri: string; uriBaseId?: string } {
  const absolute = isAbsolute(path) ? path : resolve(cwd, path);
  const local = relative(cwd, absolute);
  if (local.startsWith("..") || isAbsolute(local)) return { uri: pathToFileURL(absolute).href };
  return { uri: local.split(sep).map(encodeURIComponent).join("/"), uriBaseId: "%SRCROOT%" };
}

interface LogicalLocation {
  name: string;
  fullyQualifiedName: string;
  kind: string;
}

/** The update, the indicator or action, and the cell: each a step deeper in "TP-1d › NI 187 › RAG Rating "Amber"". */
function logicalLocations(finding: Finding): LogicalLocation[] {
  const steps = finding.place ? finding.place.split(" › ") : finding.reference ? [finding.reference] : [];
  return steps.map((step, index) => ({
    name: step,
    fullyQualifiedName: steps.slice(0, index + 1).join(" › "),
    // The update is a module of the document; an indicator or action an object in it; the last step of three, its cell.
    kind: index === 0 ? "module" : index === steps.length - 1 && steps.length > 2 ? "element" : "object",
  }));
}

function result(finding: Finding, ruleIndex: Map<string, number>, cwd: string): object {
  const where = [finding.place, locationText(finding.location)].filter(Boolean).join(", ");
  const physical: Record<string, unknown> = { artifactLocation: artifactLocation(finding.source, cwd) };
  if (finding.location?.line !== undefined) {
    const region: Record<string, number> = { startLine: finding.location.line };
    physical.region = region;
  }
  const location: Record<string, unknown> = finding.source === "-" ? {} : { physicalLocation: physical };
  const logical = logicalLocations(finding);
  if (logical.length > 0) location.logicalLocations = logical;
  const properties: Record<string, unknown> = {};
  if (finding.location) properties.location = finding.location;
  for (const key of ["reference", "indicator", "measure", "year", "quarter"] as const) if (finding[key] !== null) properties[key] = finding[key];
  if (finding.data) properties.data = finding.data;
  const entry: Record<string, unknown> = {
    ruleId: finding.rule,
    level: LEVEL[finding.severity],
    message: { text: where ? `${finding.message} (at ${where})` : finding.message },
    locations: Object.keys(location).length > 0 ? [location] : [],
    properties,
  };
  const index = ruleIndex.get(finding.rule);
  if (index !== undefined) entry.ruleIndex = index;
  return entry;
}

export function formatSarif(output: ValidateOutput, options: SarifOptions): string {
  const rules = RULES.map((rule) => ({
    id: rule.id,
    name: rule.id.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase()).replace(/^[a-z]/, (letter) => letter.toUpperCase()),
    shortDescription: { text: rule.description },
    // The explanation that opens the rule's docs (before its example and fix).
    fullDescription: { text: rule.docs.split("\n")[0] },
    help: { text: `${rule.docs}\n(lsp-report rules ${rule.id})` },
    defaultConfiguration: { level: LEVEL[rule.severity] },
  }));
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id, index]));
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "lsp-report", version: options.tool.version, semanticVersion: options.tool.version, informationUri: options.tool.informationUri, rules } },
        originalUriBaseIds: { "%SRCROOT%": { uri: pathToFileURL(`${options.cwd}${sep}`).href } },
        artifacts: output.files.filter((file) => file.path !== "-").map((file) => ({ location: artifactLocation(file.path, options.cwd), ...(file.format ? { properties: { format: file.format } } : {}) })),
        results: output.files.flatMap((file) => file.findings.map((finding) => result(finding, ruleIndex, options.cwd))),
        columnKind: "unicodeCodePoints",
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
