/** The format is told from the bytes, never the name; other kinds are named. */
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { sniffFormat } from "../src/read/sniff.js";
import { emptyStreamsFile } from "./helpers/ole.js";

const text = (value: string) => new TextEncoder().encode(value);
const utf16le = (value: string) => new Uint8Array([0xff, 0xfe, ...Buffer.from(value, "utf16le")]);
const utf16be = (value: string) => new Uint8Array([0xfe, 0xff, ...Buffer.from(value, "utf16le").swap16()]);
/** An OLE2 header followed by stream names but no readable directory (the names are found in the bytes). */
const ole2 = (...streams: string[]) => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(504), ...streams.flatMap((name) => [...Buffer.from(name, "utf16le")])]);
const zip = (...names: string[]) => zipSync(Object.fromEntries(names.map((name) => [name, strToU8("<x/>")])));

describe("sniffFormat", () => {
  it.each([
    ["a .docx", zip("[Content_Types].xml", "word/document.xml"), "docx"],
    ["a .docx whose main part has another name", zip("[Content_Types].xml", "word/document2.xml"), "docx"],
    ["a .doc", ole2("WordDocument", "1Table"), "doc"],
    ["a Word web page", text("<html xmlns:o='urn:schemas-microsoft-com:office:office'><head>"), "html"],
    ["a doctype", text("\n  <!DOCTYPE html><title>x</title>"), "html"],
    ["a bare table", text("<table><tr><td>PI Ref</td></tr></table>"), "html"],
    ["a bare paragraph", text("<p class=MsoNormal>Thriving Places</p>"), "html"],
    ["UTF-16LE HTML with a BOM", utf16le("<html><body>x</body></html>"), "html"],
    ["UTF-16BE HTML with a BOM", utf16be("<html><body>x</body></html>"), "html"],
    ["a text extraction", text("PI Ref\tDefinition\tBaseline\n"), "text"],
    ["a text extraction starting with HTML residue (tabs: not a page)", text("<p>Thriving Places</p>\tReference\tTP-1a\n"), "text"],
    ["Windows-1252 text with high bytes", new Uint8Array([0x4e, 0x49, 0x20, 0x31, 0x35, 0x34, 0x09, 0xa3, 0x34, 0x37, 0x20, 0x96, 0x20, 0xe9]), "text"],
    ["UTF-16 text with a BOM (NUL bytes allowed)", utf16le("PI Ref\tDefinition\n"), "text"],
  ])("%s → %s", (_name, bytes, kind) => {
    expect(sniffFormat(bytes as Uint8Array).kind).toBe(kind);
  });

  it.each([
    ["a PDF", text("%PDF-1.7\n"), /^a PDF document/],
    ["a PNG", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), /^a PNG image/],
    ["a JPEG", new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), /^a JPEG image/],
    ["a GIF", text("GIF89a"), /^a GIF image/],
    ["an RTF", text("{\\rtf1\\ansi"), /^an RTF document/],
    ["an .xlsx", zip("[Content_Types].xml", "xl/workbook.xml"), /^an Excel workbook \(\.xlsx\)/],
    ["a .pptx", zip("[Content_Types].xml", "ppt/presentation.xml"), /^a PowerPoint presentation \(\.pptx\)/],
    ["an .odt (its mimetype entry is stored, as the format requires)", zipSync({ mimetype: [strToU8("application/vnd.oasis.opendocument.text"), { level: 0 }] }), /^an OpenDocument text \(\.odt\)/],
    ["another zip", zip("notes.txt"), /^a zip archive that is not a Word document$/],
    ["an .xls", emptyStreamsFile(["Workbook"]), /^an Excel 97-2003 workbook/],
    ["an .xls whose directory is unreadable", ole2("Workbook"), /^an Excel 97-2003 workbook/],
    ["a .ppt", emptyStreamsFile(["PowerPoint Document"]), /^a PowerPoint 97-2003 presentation/],
    ["another OLE2 file", emptyStreamsFile(["Contents"]), /^an OLE2 compound file that is not a Word document$/],
    ["binary data", new Uint8Array([0x01, 0x02, 0x00, 0x03]), /^a binary file/],
  ])("%s is unsupported and named", (_name, bytes, reason) => {
    const sniffed = sniffFormat(bytes as Uint8Array);
    expect(sniffed.kind).toBe("unsupported");
    expect((sniffed as { reason: string }).reason).toMatch(reason);
  });

  it("finds a .doc's streams whatever the case of their names (MS-CFB compares them so)", () => {
    expect(sniffFormat(emptyStreamsFile(["worddocument", "1table"]))).toEqual({ kind: "doc" });
    expect(sniffFormat(emptyStreamsFile(["WORDDOCUMENT"]))).toEqual({ kind: "doc" });
    expect(sniffFormat(ole2("WORDDOCUMENT"))).toEqual({ kind: "doc" });
  });

  it("calls an OLE2 file with an unreadable directory and no known stream names damaged", () => {
    expect(sniffFormat(ole2("Contents"))).toEqual({ kind: "corrupt", reason: "damaged Office 97-2003 file: its header gives an impossible sector size" });
  });

  it("tells a password-protected Word file (an OLE2 EncryptedPackage) apart", () => {
    expect(sniffFormat(emptyStreamsFile(["EncryptionInfo", "EncryptedPackage"]))).toEqual({ kind: "encrypted", reason: expect.stringMatching(/^password-protected Word document/) });
    expect(sniffFormat(ole2("EncryptionInfo", "EncryptedPackage"))).toEqual({ kind: "encrypted", reason: expect.stringMatching(/^password-protected Word document/) });
  });
});
