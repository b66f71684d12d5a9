/**
 * GitHub Actions workflow commands: one annotation per finding, shown on the file (and line,
 * for text inputs) in the pull request. Infos become notices. A Word file has no lines, so the
 * place in the document's terms (update › indicator › column) goes in the title and the message.
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */
import type { Finding, ValidateOutput } from "../../schema/findings.js";
import { locationText } from "../../model/location.js";

const COMMAND: Record<Finding["severity"], string> = { error: "error", warning: "warning", info: "notice" };

/** Workflow command data: %, CR and LF escaped. */
const escapeData = (text: string) => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
/** Property values also escape the separators : and ,. */
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");

export function formatGithub(output: ValidateOutput): string {
  const lines: string[] = [];
  for (const file of output.files) {
    for (const finding of file.findings) {
      const properties = [`file=${escapeProperty(file.path)}`];
      if (finding.location?.line !== undefined) properties.push(`line=${finding.location.line}`);
      const about = finding.place ?? finding.reference;
      properties.push(`title=${escapeProperty(about ? `${finding.rule} (${about})` : finding.rule)}`);
      const where = [finding.place, locationText(finding.location)].filter(Boolean).join(", ");
      lines.push(`::${COMMAND[finding.severity]} ${properties.join(",")}::${escapeData(where ? `${finding.message}\nat ${where}` : finding.message)}`);
    }
  }
  return lines.length > 0 ? `${lines.join("\n")}\n` : "";
}
