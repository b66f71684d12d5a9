/**
 * A plain .xlsx file (Office Open XML SpreadsheetML) from sheets of typed cells: the handful of
 * XML parts a workbook of a few table-shaped sheets needs, zipped with fflate. Each sheet's first
 * row is a frozen, filtered header. Written by hand rather than through a library because the
 * parts are few and fixed, and a writer package would cost more of the install than this file.
 * The bytes depend only on the sheets (no timestamps), so the same records give the same file.
 */
import { strToU8, zipSync, type Zippable } from "fflate";

export interface CellStyle {
  /** Solid fill, RGB hex without '#'. */
  fill?: string;
  bold?: boolean;
  /** Text colour, RGB hex without '#'. */
  color?: string;
}

export type CellValue = string | number | boolean | null;

export interface StyledCell {
  value: CellValue;
  style?: CellStyle;
}

export interface SheetSpec {
  /** At most 31 characters, none of : \ / ? * [ ] (Excel's rule for sheet names). */
  name: string;
  /** Width of each column, in characters. */
  widths: number[];
  /** The header row first; null leaves a cell empty. */
  rows: StyledCell[][];
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** 1980-01-01, the zip format's earliest date: a fixed time keeps the bytes reproducible. */
const ZIP_TIME = new Date(1980, 0, 1);

export const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A1-style column letters of a 1-based column number (1 → A, 27 → AA). */
export function columnLetters(column: number): string {
  let letters = "";
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** The range a sheet's filter covers: its header and every row, e.g. A1:P18. */
export function filterRange(sheet: SheetSpec): string {
  return `A1:${columnLetters(Math.max(1, sheet.widths.length))}${Math.max(1, sheet.rows.length)}`;
}

/** The distinct cell styles, numbered as xl/styles.xml lists them (0 is the plain default). */
class StyleTable {
  private readonly ids = new Map<string, number>([["{}", 0]]);
  readonly styles: CellStyle[] = [{}];

  id(style: CellStyle | undefined): number {
    if (!style) return 0;
    const key = JSON.stringify({ fill: style.fill, bold: style.bold, color: style.color });
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.styles.push(style) - 1;
      this.ids.set(key, id);
    }
    return id;
  }

  /** One font, fill and cell format per style, in the order CT_Stylesheet requires. */
  xml(): string {
    const font = ({ bold, color }: CellStyle) => `<font>${bold ? "<b/>" : ""}<sz val="11"/>${color ? `<color rgb="FF${color}"/>` : ""}<name val="Calibri"/><family val="2"/></font>`;
    // Fills 0 and 1 are reserved by Excel (none, gray125); a style's own fill is 2 + its number.
    const fill = ({ fill }: CellStyle) => (fill ? `<fill><patternFill patternType="solid"><fgColor rgb="FF${fill}"/><bgColor indexed="64"/></patternFill></fill>` : '<fill><patternFill patternType="none"/></fill>');
    const format = (style: CellStyle, id: number) =>
      `<xf numFmtId="0" fontId="${id}" fillId="${style.fill ? id + 2 : 0}" borderId="0" xfId="0"${style.bold || style.color ? ' applyFont="1"' : ""}${style.fill ? ' applyFill="1"' : ""}/>`;
    return (
      `${XML_DECLARATION}<styleSheet xmlns="${MAIN}">` +
      `<fonts count="${this.styles.length}">${this.styles.map(font).join("")}</fonts>` +
      `<fills count="${this.styles.length + 2}"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>${this.styles.map(fill).join("")}</fills>` +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.styles.length}">${this.styles.map(format).join("")}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      "</styleSheet>"
    );
  }
}

/** Text cells point into one shared table, as Excel writes them, so a repeated value is stored once. */
class SharedStrings {
  private readonly ids = new Map<string, number>();
  private count = 0;

  id(text: string): number {
    this.count++;
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(text, id);
    }
    return id;
  }

  xml(): string {
    const items = [...this.ids.keys()].map((text) => `<si><t${/^\s|\s$/.test(text) ? ' xml:space="preserve"' : ""}>${escapeXml(text)}</t></si>`);
    return `${XML_DECLARATION}<sst xmlns="${MAIN}" count="${this.count}" uniqueCount="${this.ids.size}">${items.join("")}</sst>`;
  }
}

function cellXml(reference: string, cell: StyledCell, styles: StyleTable, strings: SharedStrings): string {
  const style = styles.id(cell.style);
  const s = style ? ` s="${style}"` : "";
  const { value } = cell;
  if (value === null) return style ? `<c r="${reference}"${s}/>` : "";
  if (typeof value === "boolean") return `<c r="${reference}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  // A number Excel cannot hold (NaN, Infinity) is written as the text JavaScript gives it.
  if (typeof value === "number" && Number.isFinite(value)) return `<c r="${reference}"${s}><v>${value}</v></c>`;
  return `<c r="${reference}"${s} t="s"><v>${strings.id(String(value))}</v></c>`;
}

function sheetXml(sheet: SheetSpec, index: number, styles: StyleTable, strings: SharedStrings): string {
  const view = `<sheetView${index === 0 ? ' tabSelected="1"' : ""} workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView>`;
  const cols = sheet.widths.map((width, column) => `<col min="${column + 1}" max="${column + 1}" width="${width}" customWidth="1"/>`).join("");
  const rows = sheet.rows.map((row, r) => `<row r="${r + 1}">${row.map((cell, c) => cellXml(`${columnLetters(c + 1)}${r + 1}`, cell, styles, strings)).join("")}</row>`);
  return (
    `${XML_DECLARATION}<worksheet xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}">` +
    `<dimension ref="${filterRange(sheet)}"/><sheetViews>${view}</sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
    (cols ? `<cols>${cols}</cols>` : "") +
    `<sheetData>${rows.join("")}</sheetData><autoFilter ref="${filterRange(sheet)}"/></worksheet>`
  );
}

/**
 * The workbook part. Each filtered range is also named `_xlnm._FilterDatabase` (hidden, one per
 * sheet), as Excel writes it: LibreOffice shows a sheet's filter buttons only with that name.
 */
function workbookXml(sheets: SheetSpec[]): string {
  const entries = sheets.map((sheet, index) => `<sheet name="${escapeXml(sheet.name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`);
  const names = sheets.map((sheet, index) => {
    const absolute = filterRange(sheet).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
    return `<definedName name="_xlnm._FilterDatabase" localSheetId="${index}" hidden="1">${escapeXml(`'${sheet.name.replace(/'/g, "''")}'!${absolute}`)}</definedName>`;
  });
  return `${XML_DECLARATION}<workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><bookViews><workbookView/></bookViews><sheets>${entries.join("")}</sheets><definedNames>${names.join("")}</definedNames></workbook>`;
}

function relationships(targets: { type: string; target: string }[]): string {
  const items = targets.map(({ type, target }, index) => `<Relationship Id="rId${index + 1}" Type="${type}" Target="${target}"/>`);
  return `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">${items.join("")}</Relationships>`;
}

function contentTypes(sheetCount: number): string {
  const part = (name: string, type: string) => `<Override PartName="${name}" ContentType="application/vnd.openxmlformats-${type}+xml"/>`;
  const sheets = Array.from({ length: sheetCount }, (_, index) => part(`/xl/worksheets/sheet${index + 1}.xml`, "officedocument.spreadsheetml.worksheet"));
  return (
    `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    part("/xl/workbook.xml", "officedocument.spreadsheetml.sheet.main") +
    sheets.join("") +
    part("/xl/styles.xml", "officedocument.spreadsheetml.styles") +
    part("/xl/sharedStrings.xml", "officedocument.spreadsheetml.sharedStrings") +
    part("/docProps/core.xml", "package.core-properties") +
    "</Types>"
  );
}

function coreProperties(creator: string): string {
  return `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>${escapeXml(creator)}</dc:creator></cp:coreProperties>`;
}

/** The .xlsx file's bytes. */
export function writeWorkbook(sheets: SheetSpec[], creator: string): Uint8Array {
  const styles = new StyleTable();
  const strings = new SharedStrings();
  const worksheets = sheets.map((sheet, index) => sheetXml(sheet, index, styles, strings));
  const parts: Record<string, string> = {
    "[Content_Types].xml": contentTypes(sheets.length),
    "_rels/.rels": relationships([
      { type: `${RELATIONSHIPS}/officeDocument`, target: "xl/workbook.xml" },
      { type: `${PACKAGE_RELATIONSHIPS}/metadata/core-properties`, target: "docProps/core.xml" },
    ]),
    "docProps/core.xml": coreProperties(creator),
    "xl/workbook.xml": workbookXml(sheets),
    "xl/_rels/workbook.xml.rels": relationships([
      ...sheets.map((_, index) => ({ type: `${RELATIONSHIPS}/worksheet`, target: `worksheets/sheet${index + 1}.xml` })),
      { type: `${RELATIONSHIPS}/styles`, target: "styles.xml" },
      { type: `${RELATIONSHIPS}/sharedStrings`, target: "sharedStrings.xml" },
    ]),
    "xl/styles.xml": styles.xml(),
    "xl/sharedStrings.xml": strings.xml(),
  };
  worksheets.forEach((xml, index) => (parts[`xl/worksheets/sheet${index + 1}.xml`] = xml));
  const files: Zippable = {};
  for (const [path, xml] of Object.entries(parts)) files[path] = [strToU8(xml), { level: 6, mtime: ZIP_TIME }];
  return zipSync(files);
}
