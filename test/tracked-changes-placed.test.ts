/**
 * A tracked change is reported where it is and with what it says: the native .docx reader gives
 * one notice per change (its paragraph's anchor, its kind and text), and the rule puts them on
 * the update they are in, at the cell or paragraph of the first change. The bundled .docx fixture has one edit under
 * review in HM-1a: "Area Panels" deleted and "Area Committees" inserted.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readDocument } from "../src/read/index.js";
import { parseBytes } from "../src/pipeline.js";
import { validate } from "../src/validate/index.js";

const fixture = "fixtures/docx/q2-2008-09.docx";

describe("tracked changes, placed and quoted", () => {
  it("the reader gives one notice per change with its anchor and text", async () => {
    const document = await readDocument(new Uint8Array(readFileSync(fixture)));
    const placed = document.notices.filter((notice) => notice.change);
    expect(placed.map((notice) => [notice.change, notice.text?.trim()])).toEqual([
      ["deletion", "Area Panels"],
      ["insertion", "Area Committees"],
    ]);
    for (const notice of placed) expect(notice.location?.anchor).toBeGreaterThan(0);
  });

  it("the finding names the update, points at the changed paragraph and quotes both changes", async () => {
    const report = await parseBytes(new Uint8Array(readFileSync(fixture)), fixture);
    const findings = validate([report]).filter((finding) => finding.rule === "tracked-changes");
    expect(findings).toHaveLength(1);
    expect(findings[0]!.reference).toBe("HM-1a");
    const notice = report.notices.find((candidate) => candidate.change === "deletion");
    expect(findings[0]!.location).toEqual(notice?.location);
    expect(findings[0]!.location?.anchor).toBeGreaterThan(0);
    expect(findings[0]!.message).toContain('deleted "Area Panels"');
    expect(findings[0]!.message).toContain('inserted "Area Committees"');
  });
});
