/**
 * For people: findings grouped by file and then by update, each as a line of location,
 * severity, message and rule id, and under it, where there is one, the place in the document's
 * own terms (update › indicator › column "cell text"); then a summary line. Colour comes in as a
 * chalk level decided by the CLI.
 */
import { Chalk, type ChalkInstance } from "chalk";
import type { Finding, ValidateOutput } from "../../schema/findings.js";
import { locationText } from "../../model/location.js";
import { plural } from "./summary.js";

export interface StylishOptions {
  /** 0: no colour; 1–3: chalk's levels. */
  colourLevel?: 0 | 1 | 2 | 3;
  /** What --quiet left out. */
  notShown?: { warnings: number; infos: number };
}

function severityText(chalk: ChalkInstance, severity: Finding["severity"]): string {
  const padded = severity.padEnd(7);
  if (severity === "error") return chalk.red(padded);
  if (severity === "warning") return chalk.yellow(padded);
  return chalk.blue(padded);
}

function updateHeading(finding: Finding): string {
  if (finding.reference === null) return "(the file as a whole)";
  const period = finding.year ? ` ${finding.year} Q${finding.quarter}` : "";
  return `${finding.reference || "(no reference)"}${period}`;
}

export function formatStylish(output: ValidateOutput, options: StylishOptions = {}): string {
  const chalk = new Chalk({ level: options.colourLevel ?? 0 });
  const lines: string[] = [];
  for (const file of output.files) {
    if (file.findings.length === 0) continue;
    lines.push(chalk.underline(file.path));
    const width = Math.max(...file.findings.map((finding) => locationText(finding.location).length), 4);
    let heading: string | null = null;
    for (const finding of file.findings) {
      const current = updateHeading(finding);
      if (current !== heading) {
        lines.push(`  ${chalk.bold(current)}`);
        heading = current;
      }
      lines.push(`    ${chalk.dim(locationText(finding.location).padEnd(width))}  ${severityText(chalk, finding.severity)}  ${finding.message}  ${chalk.dim(finding.rule)}`);
      // Under the message, where to find the cell: what an officer looks for in Word.
      if (finding.place) lines.push(`    ${" ".repeat(width)}  ${" ".repeat(7)}  ${chalk.dim(`at ${finding.place}`)}`);
    }
    lines.push("");
  }
  const { errors, files } = output.summary;
  // With --quiet the warnings and infos are not listed, but still counted: a run can fail on them.
  const warnings = options.notShown?.warnings ?? output.summary.warnings;
  const infos = options.notShown?.infos ?? output.summary.infos;
  const problems = errors + warnings;
  const counts = `(${plural(errors, "error")}, ${plural(warnings, "warning")}${infos ? `, ${plural(infos, "info")}` : ""}) in ${plural(files, "file")}`;
  if (problems === 0) {
    lines.push(chalk.green(`✔ No problems ${infos ? `(${plural(infos, "info")}) ` : ""}in ${plural(files, "file")}`));
  } else {
    const summary = `✖ ${plural(problems, "problem")} ${counts}`;
    lines.push(errors > 0 ? chalk.red.bold(summary) : chalk.yellow.bold(summary));
  }
  if (options.notShown && warnings > 0) lines.push(chalk.dim("(errors only: --quiet)"));
  return `${lines.join("\n")}\n`;
}
