/**
 * The two seed documents and what a person reads in them: the overall rating and direction of
 * travel of every update (fixtures/seeds/*.txt, the Improvement Priority tables). Shared by the
 * dashboard's unit tests and its browser tests.
 */
import { readFile } from "node:fs/promises";
import { parseBytes, type Report } from "../../src/index.js";

export const Q2 = "fixtures/seeds/000_ebda395ebee889b1.txt";
export const Q4 = "fixtures/seeds/001_6f959b4cb1bc6ca1.txt";

export async function loadSeeds(paths: string[] = [Q2, Q4]): Promise<Report[]> {
  return Promise.all(paths.map(async (path) => parseBytes(await readFile(path), path)));
}

type Expected = [reference: string, period: string, rating: "Red" | "Amber" | "Green", direction: "" | "↑" | "↔" | "↓"];

export const EXPECTED_CELLS: Expected[] = [
  ["HM-1a", "2008/09 Q2", "Amber", ""],
  ["HM-1b", "2008/09 Q2", "Amber", ""],
  ["HM-2a", "2008/09 Q2", "Amber", ""],
  ["HM-2b", "2008/09 Q2", "Amber", ""],
  ["HW-3b", "2008/09 Q2", "Amber", ""],
  ["TP-1b", "2008/09 Q2", "Red", ""],
  ["TP-1c", "2008/09 Q2", "Amber", ""],
  ["TP-1d", "2008/09 Q2", "Red", ""],
  ["TP-2b", "2008/09 Q2", "Amber", ""],
  ["TP-3a", "2008/09 Q2", "Amber", ""],
  ["TP-1a", "2008/09 Q4", "Amber", "↑"],
  ["TP-1d", "2008/09 Q4", "Amber", "↔"],
  ["TP-2a", "2008/09 Q4", "Amber", ""],
  ["TP-3a", "2008/09 Q4", "Red", "↓"],
  ["HM-1a", "2008/09 Q4", "Amber", "↑"],
  ["HM-2a", "2008/09 Q4", "Amber", "↑"],
  ["HM-2b", "2008/09 Q4", "Amber", ""],
];

/** Every priority of either quarter, by theme as the matrix lists them. */
export const MATRIX_ROWS: Record<string, string[]> = {
  "Harmonious Communities": ["HM-1a", "HM-1b", "HM-2a", "HM-2b"],
  "Health and Wellbeing": ["HW-3b"],
  "Thriving Places": ["TP-1a", "TP-1b", "TP-1c", "TP-1d", "TP-2a", "TP-2b", "TP-3a"],
};
