/**
 * Golden tests: each fixture is read with parseBytes and checked against expectations written by
 * reading the documents (test/golden/expected-*.ts), never from the parser's output.
 * Every rendering of a seed (.txt, .docx, .doc, .html) must meet the same expectations: add a
 * line to `fixtures` for each.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe } from "vitest";
import { parseBytes } from "../src/index.js";
import { checkGolden } from "./golden/check.js";
import { expected as q2 } from "./golden/expected-q2.js";
import { expected as q4 } from "./golden/expected-q4.js";
import type { ExpectedPriority } from "./golden/types.js";

/** Paths relative to the repository root. */
const fixtures: Array<{ path: string; expected: ExpectedPriority[] }> = [
  { path: "fixtures/seeds/000_ebda395ebee889b1.txt", expected: q2 },
  { path: "fixtures/seeds/001_6f959b4cb1bc6ca1.txt", expected: q4 },
];

for (const { path, expected } of fixtures) {
  describe(path, () => {
    checkGolden(async () => {
      const bytes = new Uint8Array(readFileSync(fileURLToPath(new URL(`../${path}`, import.meta.url))));
      return parseBytes(bytes, path);
    }, expected);
  });
}
