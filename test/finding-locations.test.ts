/**
 * Findings in the document's own terms: each record keeps the cell of each field, and a finding
 * names the cell it is about (table, row, grid column and the column's header, or line and
 * cell), with a place an officer can find: update › indicator or action › column "text".
 * Expectations come from the documents: the header cell above a finding's cell is read back
 * from the reader's own blocks.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readDocument } from "../src/read/index.js";
import { parseBytes } from "../src/pipeline.js";
import type { ReadDocument, TableBlock } from "../src/model/blocks.js";
import { toGridRows } from "../src/parse/grid.js";
import type { Finding } from "../src/schema/findings.js";
import type { Report } from "../src/schema/records.js";
import { validate } from "../src/validate/index.js";

const Q2_TEXT = "fixtures/seeds/000_ebda395ebee889b1.txt";
const Q4_TEXT = "fixtures/seeds/001_6f959b4cb1bc6ca1.txt";
const Q2_DOCX = "fixtures/docx/q2-2008-09.docx";
const Q4_DOCX = "fixtures/docx/q4-2008-09.docx";

async function load(path: string): Promise<{ report: Report; document: ReadDocument; findings: Finding[] }> {
  const bytes = new Uint8Array(readFileSync(path));
  const report = await parseBytes(bytes, path);
  const document = await readDocument(bytes);
  return { report, document, findings: validate([report]) };
}

/** The text of the grid cell at a table, row and grid column of a Word document's blocks. */
function wordCell(document: ReadDocument, table: number, row: number, column: number): string {
  const block = document.blocks.filter((candidate): candidate is TableBlock => candidate.kind === "table")[table - 1]!;
  const grid = toGridRows([block]);
  return grid[row - 1]!.cells[column - 1] ?? "";
}

describe.each([
  ["text", Q2_TEXT],
  ["docx", Q2_DOCX],
])("the NI 187 rating of TP-1d Q2 (%s)", (_format, path) => {
  let loaded: Awaited<ReturnType<typeof load>>;
  beforeAll(async () => {
    loaded = await load(path);
  });

  it("keeps the cell of each field in the indicator record", () => {
    const tp1d = loaded.report.priorities.find((priority) => priority.reference === "TP-1d")!;
    const ni187 = tp1d.indicators.find((indicator) => indicator.ref === "NI 187")!;
    expect(ni187.cells?.rag).toMatchObject({ cell: 7, column: "RAG Rating" });
    expect(ni187.cells?.ref).toMatchObject({ cell: 1, column: "PI Ref" });
    expect(ni187.cells?.result).toMatchObject({ cell: 6, column: "Year to Date Performance" });
    expect(ni187.targets[0]!.location).toMatchObject({ cell: 5, column: "2008/09 Target" });
  });

  it("names update, indicator and column in the rag-mismatch finding, at the RAG cell", () => {
    const mismatch = loaded.findings.find((finding) => finding.rule === "rag-mismatch")!;
    expect(mismatch).toMatchObject({ reference: "TP-1d", indicator: "NI 187" });
    expect(mismatch.location).toMatchObject({ cell: 7, column: "RAG Rating" });
    expect(mismatch.place).toMatch(/^TP-1d › NI 187 › RAG Rating ("Amber"|\(shaded amber\))$/);
    const location = mismatch.location!;
    if (location.table !== undefined) {
      // The cell named is the RAG cell of NI 187's row: the header above it says so, the row starts with the PI Ref.
      expect(wordCell(loaded.document, location.table, 1, location.cell!)).toBe("RAG Rating");
      expect(wordCell(loaded.document, location.table, location.row!, 1)).toBe("NI 187");
    } else {
      const line = readFileSync(path, "utf8").split("\n")[location.line! - 1]!.split("\t");
      expect(line[0]).toBe("NI 187");
      expect(line[location.cell! - 1]).toBe("Amber");
    }
  });
});

describe("whole updates and blank cells", () => {
  it("puts a finding about the whole update on its heading's cell (theme-placeholder, TP-1a Q4)", async () => {
    for (const path of [Q4_TEXT, Q4_DOCX]) {
      const { findings, document } = await load(path);
      const placeholder = findings.find((finding) => finding.rule === "theme-placeholder")!;
      expect(placeholder.place).toBe("TP-1a › heading");
      const location = placeholder.location!;
      expect(location.cell).toBe(1);
      if (location.table !== undefined) expect(wordCell(document, location.table, location.row!, 1)).toMatch(/^Leeds Strategic Plan Theme/);
      else expect(readFileSync(path, "utf8").split("\n")[location.line! - 1]).toMatch(/^Leeds Strategic Plan Theme/);
    }
  });

  it("puts a blank field on the blank cell, under its header (direction of travel, TP-2a Q4)", async () => {
    const { findings, document } = await load(Q4_DOCX);
    const blank = findings.find((finding) => finding.rule === "field-missing" && finding.reference === "TP-2a")!;
    expect(blank.place).toBe("TP-2a › Improvement Priority › Direction of Travel (blank)");
    const { table, row, cell } = blank.location!;
    expect(wordCell(document, table!, row!, cell!)).toBe("");
    // The header sits above, in this table or in the one before it (Word split the two).
    const header = [wordCell(document, table!, row! - 1, cell!), wordCell(document, table! - 1, 1, cell!)];
    expect(header).toContain("Direction of Travel");
  });

  it("puts a missing action timescale on that action's Timescale cell", async () => {
    // The seed's blank timescales all have dated next steps (timescale-in-text); HM-2a's last row loses its "Q2".
    const text = readFileSync(Q4_TEXT, "utf8").replace("support sustainable operations in the community Q2", "support sustainable operations in the community");
    const path = join(mkdtempSync(join(tmpdir(), "lsp-report-locations-")), "q4.txt");
    writeFileSync(path, text);
    const { findings } = await load(path);
    const missing = findings.filter((finding) => finding.rule === "field-missing" && finding.message.endsWith("no timescale"));
    expect(missing.length).toBeGreaterThan(0);
    for (const finding of missing) {
      expect(finding.location?.column).toBe("Timescale");
      expect(finding.place).toMatch(/^[A-Z]{2}-\d[a-z] › action "[^"]+" › Timescale \(blank\)$/);
      const cells = text.split("\n")[finding.location!.line! - 1]!.split("\t");
      expect(cells[finding.location!.cell! - 1] ?? "").toBe("");
    }
  });
});

describe("tracked changes", () => {
  it("point at the update they sit in and quote the changed text, when the reader places them", async () => {
    const { report } = await load(Q2_DOCX);
    const tp1d = report.priorities.find((priority) => priority.reference === "TP-1d")!;
    const ragCell = tp1d.indicators[0]!.cells!.rag;
    const placed: Report = {
      ...report,
      notices: [
        { code: "tracked-changes", message: "inserted", change: "insertion", text: "Amber", location: ragCell },
        { code: "tracked-changes", message: "deleted", change: "deletion", text: "Red", location: ragCell },
      ],
    };
    const findings = validate([placed]).filter((finding) => finding.rule === "tracked-changes");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ reference: "TP-1d", location: ragCell, place: 'TP-1d › inserted "Amber"' });
    expect(findings[0]!.message).toBe('2 unaccepted tracked changes in this update: inserted "Amber"; deleted "Red"; read as if accepted');
  });

  it("stand for the whole file when the reader cannot place them", async () => {
    const { report } = await load(Q2_DOCX);
    const unplaced: Report = { ...report, notices: [{ code: "tracked-changes", message: "the document still has unaccepted tracked changes (1 insertions, 1 deletions)" }] };
    const [finding] = validate([unplaced]).filter((candidate) => candidate.rule === "tracked-changes");
    expect(finding).toMatchObject({ reference: null, location: null });
    expect(finding!.place).toBeUndefined();
  });
});

describe("the cell a record's field was read from", () => {
  it("gives every priority its heading, and its table's fields their cells", async () => {
    const { report, document } = await load(Q2_DOCX);
    for (const priority of report.priorities) {
      const heading = priority.cells?.heading;
      expect(heading, priority.reference).toBeDefined();
      expect(wordCell(document, heading!.table!, heading!.row!, heading!.cell!)).toMatch(/Performance Update/);
      const lead = priority.cells?.leadOfficer;
      expect(lead?.column).toBe("Lead Officer");
      expect(wordCell(document, lead!.table!, lead!.row!, lead!.cell!).trim()).toBe(priority.leadOfficer);
    }
  });

  it("quotes each action's timescale from the cell it names", async () => {
    const { report } = await load(Q2_TEXT);
    const lines = readFileSync(Q2_TEXT, "utf8").split("\n");
    let checked = 0;
    for (const action of report.priorities.flatMap((priority) => priority.actions)) {
      const at = action.cells?.timescale;
      expect(at?.column).toBe("Timescale");
      const cell = lines[at!.line! - 1]!.split("\t")[at!.cell! - 1] ?? "";
      if (action.timescale.raw) {
        expect(action.timescale.raw.startsWith(cell.trim().slice(0, 10))).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});
