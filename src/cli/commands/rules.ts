/** `lsp-report rules [id]`: the rules with their severity and description, or one rule in full. */
import { closest } from "../../schema/config.js";
import { RULES, RULE_IDS, findRule } from "../../validate/rules/index.js";
import type { CliIo } from "../io.js";
import { EXIT_OK, EXIT_USAGE } from "../exit-codes.js";

const SCOPE: Record<string, string> = {
  priority: "each update",
  report: "each input file",
  inputs: "all inputs together",
  file: "inputs that cannot be checked",
};

export function runRules(id: string | undefined, options: { json?: boolean }, io: CliIo): number {
  if (id === undefined) {
    if (options.json) {
      io.stdout(`${JSON.stringify(RULES.map(({ id, severity, scope, description, docs }) => ({ id, severity, scope, description, docs })), null, 2)}\n`);
      return EXIT_OK;
    }
    const width = Math.max(...RULES.map((rule) => rule.id.length));
    const lines = RULES.map((rule) => `${rule.id.padEnd(width)}  ${rule.severity.padEnd(7)}  ${rule.description}`);
    io.stdout(`${"rule".padEnd(width)}  ${"default".padEnd(7)}  what it reports\n${lines.join("\n")}\n\nlsp-report rules <id> explains one; set severities in lsp-report.config.json: { "rules": { "field-missing": "off" } }\n`);
    return EXIT_OK;
  }
  const rule = findRule(id);
  if (!rule) {
    const hint = closest(id, RULE_IDS);
    io.stderr(`lsp-report: no rule "${id}"${hint ? ` (did you mean ${hint}?)` : ""}; lsp-report rules lists them\n`);
    return EXIT_USAGE;
  }
  if (options.json) {
    const { severity, scope, description, docs } = rule;
    io.stdout(`${JSON.stringify({ id: rule.id, severity, scope, description, docs }, null, 2)}\n`);
    return EXIT_OK;
  }
  io.stdout(`${rule.id} (default: ${rule.severity}; checks ${SCOPE[rule.scope]})\n${rule.description}.\n\n${rule.docs}\n`);
  return EXIT_OK;
}
