/**
 * word/document.xml → blocks, in one streaming pass (see tokenizer.ts), reading what mammoth
 * reads and skipping what it skips, so the records match those of the mammoth reader:
 * - paragraphs (w:p) and their runs: w:t text, w:tab, w:br (line breaks; page and column breaks
 *   are no text), w:cr (a line break: mammoth drops it, Word shows it), w:sym (Wingdings and
 *   other symbol fonts mapped to Unicode, as mammoth maps them), soft and non-breaking hyphens;
 * - containers read through: hyperlinks, w:fldSimple (a field's shown result: mammoth drops it),
 *   field results of complex fields (w:instrText is never text), content controls (w:sdtContent),
 *   smart tags, custom XML, insertions and moves to, VML text boxes (mc:Fallback of alternate
 *   content; mc:Choice is skipped as mammoth skips it); text boxes' paragraphs and tables come
 *   after the paragraph that holds them, as in mammoth;
 * - deletions, moves from and deleted rows are dropped; a deleted paragraph mark joins the
 *   paragraph to the next one;
 * - tables: top-level ones become table blocks (layout in tables.ts), nested ones become lines of
 *   the cell that holds them; lists (numbering.ts) mark cell lines as bullet or number items, and
 *   outside tables the items of levels 1-4 after a list item join it as lines of one paragraph
 *   (mammoth nests them all inside the level-0 <li>).
 * Nesting is kept on explicit stacks, never by recursion, so no depth of tables can overflow.
 * Every w:p start tag is counted, wherever it is, to give cells and paragraphs their anchor.
 */
import type { Block, CellLine, ReaderNotice } from "../../model/blocks.js";
import { InputError } from "../../errors.js";
import { isHeadingStyle, type Numbering, type Styles } from "./numbering.js";
import { layoutTable, type RawCell, type RawRow, type RawTable } from "./tables.js";
import { attribute, decodeText, type Tag, type XmlHandler } from "./tokenizer.js";
import { symbolText } from "./symbols.js";
import { prefixRenamer, type Renamer } from "./package.js";

/** What a finished paragraph hands on: its lines (clean, non-empty) and its list level. */
interface ParagraphItem {
  kind: "paragraph";
  lines: CellLine[];
  /** List level (0-4) when mammoth would make it a list item. */
  level?: number;
  anchor: number;
}

interface TableItem {
  kind: "table";
  table: RawTable;
}

type Item = ParagraphItem | TableItem;

/**
 * An open paragraph. Made whole in one literal, its arrays only when needed (most paragraphs have
 * one line and hold no text box): this object is made for every w:p of the part.
 */
interface Paragraph {
  anchor: number;
  /** Finished lines of text before `current` (split at line breaks), raw; undefined until a break. */
  pieces: string[] | undefined;
  current: string;
  numId: string | undefined;
  ilvl: string | undefined;
  styleId: string | undefined;
  deletedMark: boolean;
  /**
   * Whether mammoth would write the paragraph: any text (spaces too), break, symbol or image.
   * One with none is left out altogether (mammoth's ignoreEmptyParagraphs), so it does not end a list.
   */
  content: boolean;
  /** Paragraphs and tables of text boxes inside this paragraph: they follow it. */
  extras: Item[] | undefined;
  /** The paragraph of the same frame this one sits in (a text box's paragraph inside its anchor's). */
  outer: Paragraph | undefined;
}

/** Where finished paragraphs go: the body, or a top-level cell (nested tables write to it too). */
interface Frame {
  cell?: RawCell;
  /** Nothing read here is kept (a deleted row of a nested table, a merged-away nested cell). */
  discard: boolean;
  /** The innermost open paragraph (the others through its `outer`). */
  paragraph: Paragraph | undefined;
}

interface TableState {
  topLevel: boolean;
  raw: RawTable;
  row?: RawRow & { deleted: boolean; column: number };
  /** Nested tables only: grid columns where a cell started, for vertical merges (as mammoth). */
  starts: Set<number>;
}

interface CellState {
  cell: RawCell;
  table: TableState;
  column: number;
  frame: Frame;
  settled: boolean;
}

// What to do at an element's end tag. Numbers, not strings: this runs for every tag of the part.
const enum Role {
  Skip, // an element mammoth ignores, with all it holds
  Through, // a container read through
  Paragraph,
  Text,
  Table,
  Row,
  Cell,
  Props, // inside w:pPr / w:tcPr / w:trPr: only some attributes matter
  TcPrChange,
  Choice,
}

/** A tracked change's kind from its element name (compared, not looked up: a keyed lookup by a fresh string costs a hash on every tag). */
function trackedChange(name: string): "insertion" | "deletion" | undefined {
  if (name === "w:ins" || name === "w:moveTo") return "insertion";
  if (name === "w:del" || name === "w:moveFrom") return "deletion";
  return undefined;
}

/**
 * A string that shares no memory with the piece it was cut from. V8 keeps a slice of 13 or more
 * characters as a view into its parent, so one short line kept from a 64 KB piece of the XML
 * would keep the whole piece alive: measured on the 12.6 MB document, ~21 MB of the blocks'
 * ~56 MB were such parents. Joining forces a flat copy; the slice then points into that copy.
 */
function detach(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}

const CLEAN = /[\s\u00a0\u200b]+/g;
/** Anything clean() would change inside a piece; most pieces have none, and a test allocates nothing. */
const UNCLEAN = /[\t\n\v\f\r\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}/;
/** Spaces collapsed and trimmed; the ends are checked apart, as anchored alternatives make the regex try them at every position. */
const clean = (text: string) => (text.charCodeAt(0) === 0x20 || text.charCodeAt(text.length - 1) === 0x20 || UNCLEAN.test(text) ? text.replace(CLEAN, " ").trim() : text);

/**
 * A cell as read, with every property it may get later in its literal: a property added to an
 * object after it is made gives it a second, out-of-object store, and every cell gets its anchor
 * later (at its first paragraph). Cells live until their table ends, so the extra store was
 * copied by every garbage collection in between (78,840 cells in the 12.6 MB benchmark body).
 */
function rawCell(): RawCell {
  return { lines: [], gridSpan: 1, vMerge: undefined, fill: undefined, anchor: undefined };
}

export interface BodyResult {
  blocks: Block[];
  notices: ReaderNotice[];
}

export class BodyReader implements XmlHandler {
  wantsText = false;

  private readonly names: string[] = [];
  private readonly roles: Role[] = [];
  /** > 0 while inside an element whose content is not read. */
  private skipping = 0;
  private choice = 0;
  private paragraphs = 0;
  private insertions = 0;
  private deletions = 0;
  private runText = "";
  /** The tracked change being read (w:ins, w:del, w:moveTo, w:moveFrom), to say where it is and quote it. */
  private change: { kind: "insertion" | "deletion"; anchor: number; text: string; depth: number } | undefined;
  /** True inside a w:delText of a deletion: the deleted text is quoted, though never read as content. */
  private inDeletedText = false;
  private deletedText = "";
  private readonly changes: ReaderNotice[] = [];

  private readonly body: Frame = { discard: false, paragraph: undefined };
  private readonly frames: Frame[] = [this.body];
  private readonly tables: TableState[] = [];
  private readonly cells: CellState[] = [];
  /** The content of paragraphs whose mark was deleted, waiting for the next paragraph. */
  private carried: { pieces: string[]; anchor: number; content: boolean } | undefined;
  private propsDepth = 0;
  private propsOf: "paragraph" | "cell" | "row" | undefined;
  private tcPrChange = 0;

  private readonly blocks: Block[] = [];
  private tableCount = 0;
  private paragraphCount = 0;
  /** A list item outside tables still taking deeper items (see the header). */
  private openItem: { lines: string[]; anchor: number } | undefined;

  constructor(
    /** The part's name, for messages. */
    private readonly part: string,
    private readonly numbering: Numbering,
    private readonly styles: () => Styles,
  ) {}

  /** Set from the root element when the part binds WordprocessingML to another prefix. */
  private renamer: Renamer | undefined;
  private rootClosed = false;

  /** The tag being opened, for attribute(): read only when an element needs one. */
  private tag: Tag | undefined;

  private attribute(name: string): string | undefined {
    if (!this.tag) return undefined;
    return this.renamer ? attribute(this.renamer.attributes(this.tag.attributes()), name) : this.tag.attribute(name);
  }

  open(rawName: string, tag: Tag, selfClosing: boolean): void {
    if (this.names.length === 0) {
      // A second root (a document pasted after the first) would be read as more of the document.
      if (this.rootClosed) throw new InputError(`damaged Word document: ${this.part} is not well-formed XML (<${rawName}> after the root element)`, "corrupt");
      if (this.paragraphs === 0) this.renamer = prefixRenamer(tag.attributes());
      if (selfClosing) this.rootClosed = true;
    }
    const name = this.renamer ? this.renamer.name(rawName) : rawName;
    this.tag = tag;
    if (name === "w:p") this.countParagraph();
    else if (name === "w:ins" || name === "w:moveTo") {
      if (this.choice === 0) this.insertions++;
    } else if (name === "w:del" || name === "w:moveFrom") {
      if (this.choice === 0) this.deletions++;
    }
    if (!selfClosing && this.choice === 0 && this.propsDepth === 0 && !this.change) {
      const kind = trackedChange(name);
      if (kind && (this.skipping === 0 || kind === "deletion")) this.change = { kind, anchor: Math.max(0, this.paragraphs - 1), text: "", depth: this.names.length };
    }
    if (name === "w:delText" && !selfClosing && this.change?.kind === "deletion") {
      this.inDeletedText = true;
      this.deletedText = "";
      this.wantsText = true;
    }
    if (this.skipping > 0) {
      // An image is content to mammoth (an <img>), though no text.
      if ((name === "a:blip" || name === "v:imagedata") && this.choice === 0) this.imageSeen();
      if (!selfClosing) {
        this.skipping++;
        this.push(name, name === "mc:Choice" ? Role.Choice : Role.Skip);
        if (name === "mc:Choice") this.choice++;
      }
      return;
    }
    if (this.propsDepth > 0) {
      this.property(name);
      if (!selfClosing) {
        this.propsDepth++;
        if (name === "w:tcPrChange") this.tcPrChange++;
        this.push(name, name === "w:tcPrChange" ? Role.TcPrChange : Role.Props);
      }
      return;
    }
    let role = Role.Through;
    // The commonest names first: a switch over strings compares them in order.
    switch (name) {
      case "w:r":
        break;
      case "w:t":
        role = Role.Text;
        break;
      case "w:p":
        role = Role.Paragraph;
        break;
      case "w:tc":
        role = Role.Cell;
        break;
      case "w:tr":
        role = Role.Row;
        break;
      case "w:document":
      case "w:body":
      case "w:hyperlink":
      case "w:fldSimple":
      case "w:customXml":
      case "w:ins":
      case "w:moveTo":
      case "w:smartTag":
      case "w:object":
      case "w:pict":
      case "v:roundrect":
      case "v:shape":
      case "v:textbox":
      case "v:group":
      case "v:rect":
      case "w:txbxContent":
      case "w:sdtContent":
      case "mc:AlternateContent":
      case "mc:Fallback":
        break;
      case "w:sdt":
        break;
      case "w:tab":
        this.append("\t");
        role = Role.Skip;
        break;
      case "w:br":
        this.breakLine(this.attribute("w:type"));
        role = Role.Skip;
        break;
      case "w:cr":
        this.breakLine(undefined);
        role = Role.Skip;
        break;
      case "w:noBreakHyphen":
        this.append("\u2011");
        role = Role.Skip;
        break;
      case "w:softHyphen":
        this.append("\u00ad");
        role = Role.Skip;
        break;
      case "w:sym":
        this.append(symbolText(this.attribute("w:font"), this.attribute("w:char")));
        role = Role.Skip;
        break;
      case "w:tbl":
        role = Role.Table;
        break;
      case "w:pPr":
      case "w:tcPr":
      case "w:trPr":
        if (!selfClosing) {
          this.propsOf = name === "w:pPr" ? "paragraph" : name === "w:tcPr" ? "cell" : "row";
          this.propsDepth = 1;
        }
        role = Role.Props;
        break;
      case "w:bookmarkStart":
        // mammoth makes a bookmark an element of its own: between rows or cells it stops merges.
        if (this.parentIs("w:tbl") || this.parentIs("w:tr")) {
          const table = this.currentTable();
          if (table && this.attribute("w:name") !== "_GoBack") table.raw.irregular = true;
        }
        role = Role.Skip;
        break;
      default:
        role = Role.Skip;
    }
    // Only some children are read: mc:AlternateContent's Fallback, w:sdt's content.
    const parent = this.names[this.names.length - 1];
    if (parent === "mc:AlternateContent" && name !== "mc:Fallback") role = Role.Skip;
    else if (parent === "w:sdt" && name !== "w:sdtContent") role = Role.Skip;
    if (name === "mc:Choice") role = Role.Choice;
    if (selfClosing) {
      // mammoth makes an element of these even when empty.
      if (role === Role.Paragraph) this.paragraphWithoutContent();
      else if (role === Role.Cell) {
        this.openCell();
        this.closeCell();
      } else if (role === Role.Row) {
        this.openRow();
        this.closeRow();
      } else if (role === Role.Table) {
        this.openTable();
        this.closeTable();
      }
      return;
    }
    if (role === Role.Skip || role === Role.Choice) {
      this.skipping = 1;
      if (role === Role.Choice) this.choice++;
    } else if (role === Role.Paragraph) this.openParagraph();
    else if (role === Role.Text) {
      this.runText = "";
      this.wantsText = true;
    } else if (role === Role.Table) this.openTable();
    else if (role === Role.Row) this.openRow();
    else if (role === Role.Cell) this.openCell();
    this.push(name, role);
  }

  close(rawName: string): void {
    const name = this.renamer ? this.renamer.name(rawName) : rawName;
    const expected = this.names.pop();
    const role = this.roles.pop();
    if (this.names.length === 0) this.rootClosed = true;
    if (expected !== name) {
      throw new InputError(`damaged Word document: ${this.part} is not well-formed XML (</${rawName}> closes <${expected ?? "nothing"}>)`, "corrupt");
    }
    if (this.inDeletedText && name === "w:delText") {
      this.inDeletedText = false;
      this.wantsText = false;
      if (this.change) this.change.text += decodeText(this.deletedText);
      this.deletedText = "";
    }
    if (this.change && this.names.length === this.change.depth) this.endChange();
    if (this.skipping > 0) {
      this.skipping--;
      if (role === Role.Choice) this.choice--;
      return;
    }
    if (this.propsDepth > 0) {
      this.propsDepth--;
      if (role === Role.TcPrChange) this.tcPrChange--;
      if (this.propsDepth === 0) {
        if (this.propsOf === "cell") this.settleCell();
        this.propsOf = undefined;
      }
      return;
    }
    switch (role) {
      case Role.Text:
        this.wantsText = false;
        this.append(decodeText(this.runText));
        this.runText = "";
        break;
      case Role.Paragraph:
        this.closeParagraph();
        break;
      case Role.Table:
        this.closeTable();
        break;
      case Role.Row:
        this.closeRow();
        break;
      case Role.Cell:
        this.closeCell();
        break;
    }
  }

  text(raw: string): void {
    if (this.inDeletedText) this.deletedText += raw;
    else this.runText += raw;
  }

  /**
   * One notice per tracked change, placed at the paragraph it is in and quoting its text; a
   * change next to another of the same kind in the same paragraph (Word splits one edit into
   * a change per run) joins it.
   */
  private endChange(): void {
    const change = this.change!;
    this.change = undefined;
    const previous = this.changes[this.changes.length - 1];
    if (previous && previous.change === change.kind && previous.location?.anchor === change.anchor) {
      previous.text = (previous.text ?? "") + change.text;
      return;
    }
    this.changes.push({ code: "tracked-changes", message: `an unaccepted tracked change (${change.kind})`, location: { anchor: change.anchor }, text: change.text, change: change.kind });
  }

  finish(): BodyResult {
    // A part cut short: what was read so far still counts.
    while (this.frames.length > 1 || this.tables.length > 0 || this.frame.paragraph) {
      if (this.frame.paragraph) this.closeParagraph();
      else if (this.cells.at(-1)?.frame === this.frame) this.closeCell();
      else if (this.tables.length > 0) {
        if (this.currentTable()?.row) this.closeRow();
        else this.closeTable();
      } else break;
    }
    this.flushItem();
    const notices: ReaderNotice[] = [];
    if (this.insertions + this.deletions > 0) {
      notices.push({
        code: "tracked-changes",
        message: `the document still has unaccepted tracked changes (${this.insertions} insertions, ${this.deletions} deletions); read as if accepted`,
      });
      // The same changes one by one, where they are and what they say (the rule prefers these).
      for (const change of this.changes) if (change.text !== undefined) change.text = detach(change.text);
      notices.push(...this.changes);
    }
    return { blocks: this.blocks, notices };
  }

  // ---- element stack

  private push(name: string, role: Role): void {
    this.names.push(name);
    this.roles.push(role);
  }

  private parentIs(name: string): boolean {
    return this.names[this.names.length - 1] === name;
  }

  private get frame(): Frame {
    // Cells push and pop frames in pairs, so the body's frame is never popped.
    return this.frames[this.frames.length - 1] ?? this.body;
  }

  private currentTable(): TableState | undefined {
    return this.tables[this.tables.length - 1];
  }

  // ---- paragraphs and text

  private countParagraph(): void {
    const ordinal = this.paragraphs++;
    // The first paragraph of a cell may sit in a table nested in it: every open cell still
    // without one takes it (outer cells that have one are further out; stop there).
    for (let at = this.cells.length - 1; at >= 0 && this.cells[at]!.cell.anchor === undefined; at--) this.cells[at]!.cell.anchor = ordinal;
  }

  private openParagraph(): void {
    const frame = this.frame;
    frame.paragraph = {
      anchor: this.paragraphs - 1,
      pieces: undefined,
      current: "",
      numId: undefined,
      ilvl: undefined,
      styleId: undefined,
      deletedMark: false,
      content: false,
      extras: undefined,
      outer: frame.paragraph,
    };
  }

  /** `<w:p/>`: an empty paragraph, which still takes any carried content. */
  private paragraphWithoutContent(): void {
    this.openParagraph();
    this.closeParagraph();
  }

  private get paragraph(): Paragraph | undefined {
    return this.frame.paragraph;
  }

  private append(text: string): void {
    const paragraph = this.paragraph;
    if (this.change?.kind === "insertion") this.change.text += text;
    if (paragraph && text) {
      paragraph.current += text;
      paragraph.content = true;
    }
  }

  private imageSeen(): void {
    const paragraph = this.paragraph;
    if (paragraph) paragraph.content = true;
  }

  private breakLine(type: string | undefined): void {
    if (type !== undefined && type !== "textWrapping") return;
    const paragraph = this.paragraph;
    if (!paragraph) return;
    (paragraph.pieces ??= []).push(paragraph.current);
    paragraph.current = "";
    paragraph.content = true;
  }

  private closeParagraph(): void {
    const frame = this.frame;
    const paragraph = frame.paragraph;
    if (!paragraph) return;
    frame.paragraph = paragraph.outer;
    let anchor = paragraph.anchor;
    let content = paragraph.content;
    // Most paragraphs are one line: no array of pieces is made for them.
    let pieces = paragraph.pieces ? [...paragraph.pieces, paragraph.current] : undefined;
    if (this.carried) {
      // The deleted mark's content comes first, joined to this paragraph's first line.
      const before = this.carried.pieces;
      const own = pieces ?? [paragraph.current];
      pieces = [...before.slice(0, -1), (before.at(-1) ?? "") + (own[0] ?? ""), ...own.slice(1)];
      anchor = this.carried.anchor;
      content ||= this.carried.content;
      this.carried = undefined;
    }
    if (paragraph.deletedMark) {
      this.carried = { pieces: pieces ?? [paragraph.current], anchor, content };
      if (paragraph.extras) for (const extra of paragraph.extras) this.deliver(frame, extra);
      return;
    }
    const level = this.listLevel(paragraph);
    if (content) {
      const list = level === undefined ? undefined : level.ordered ? "number" : "bullet";
      let lines: CellLine[] | undefined;
      if (pieces === undefined) {
        const text = detach(clean(paragraph.current));
        if (text) lines = [list ? { text, list } : { text }];
      } else {
        for (const piece of pieces) {
          const text = detach(clean(piece));
          if (!text) continue;
          const line: CellLine = list ? { text, list } : { text };
          if (lines) lines.push(line);
          else lines = [line];
        }
      }
      this.deliverParagraph(frame, lines ?? [], level?.level, anchor);
    }
    if (paragraph.extras) for (const extra of paragraph.extras) this.deliver(frame, extra);
  }

  /** deliver() for a paragraph, whose item is made only when it is not just lines for a cell. */
  private deliverParagraph(frame: Frame, lines: CellLine[], level: number | undefined, anchor: number): void {
    if (!frame.paragraph && frame.cell) {
      if (!frame.discard && lines.length > 0) this.addToCell(frame.cell, lines);
      return;
    }
    this.deliver(frame, { kind: "paragraph", lines, level, anchor });
  }

  private listLevel(paragraph: Paragraph) {
    if (paragraph.numId === undefined && paragraph.ilvl === undefined && paragraph.styleId === undefined) return undefined;
    const level = this.numbering.levelOf(paragraph.numId, paragraph.ilvl, paragraph.styleId);
    if (!level || level.level < 0 || level.level > 4 || isHeadingStyle(paragraph.styleId, this.styles)) return undefined;
    return level;
  }

  /** An item goes to the paragraph it sits in (a text box), else to the frame. */
  private deliver(frame: Frame, item: Item): void {
    const holder = frame.paragraph;
    if (holder) (holder.extras ??= []).push(item);
    else if (frame.discard) return;
    else if (frame.cell) {
      if (item.kind === "paragraph" && item.lines.length > 0) this.addToCell(frame.cell, item.lines);
    } else this.emit(item);
  }

  /** The first lines are taken as they are (an array sized to them); later ones appended one by one (no spread: a cell may hold many). */
  private addToCell(cell: RawCell, lines: CellLine[]): void {
    if (cell.lines.length === 0) cell.lines = lines;
    else for (const line of lines) cell.lines.push(line);
  }

  // ---- blocks outside tables

  private emit(item: Item): void {
    if (item.kind === "table") {
      this.flushItem();
      this.blocks.push(layoutTable(item.table, ++this.tableCount));
      return;
    }
    const texts = item.lines.map((line) => line.text);
    if (item.level !== undefined) {
      // mammoth opens a fresh outer <li> for level 0 only; deeper items go inside the open one.
      if (this.openItem && item.level > 0) {
        this.openItem.lines.push(...texts);
        return;
      }
      this.flushItem();
      this.openItem = { lines: texts, anchor: item.anchor };
      return;
    }
    this.flushItem();
    this.paragraphBlock(texts, item.anchor);
  }

  private flushItem(): void {
    if (!this.openItem) return;
    const { lines, anchor } = this.openItem;
    this.openItem = undefined;
    this.paragraphBlock(lines, anchor);
  }

  private paragraphBlock(lines: string[], anchor: number): void {
    if (lines.length === 0) return;
    this.blocks.push({ kind: "paragraph", text: lines.join("\n"), location: { paragraph: ++this.paragraphCount, anchor } });
  }

  // ---- tables

  private openTable(): void {
    const topLevel = this.cells.length === 0;
    this.tables.push({ topLevel, raw: { rows: [], irregular: false }, starts: new Set() });
  }

  private closeTable(): void {
    const table = this.tables.pop();
    if (!table) return;
    if (table.topLevel) this.deliver(this.frame, { kind: "table", table: table.raw });
  }

  private openRow(): void {
    const table = this.currentTable();
    if (table) table.row = { cells: [], deleted: false, column: 0 };
  }

  private closeRow(): void {
    const table = this.currentTable();
    if (!table?.row) return;
    if (table.topLevel && !table.row.deleted) table.raw.rows.push({ cells: table.row.cells });
    table.row = undefined;
  }

  private openCell(): void {
    const table = this.currentTable();
    const row = table?.row;
    if (!table || !row) {
      // A cell outside a row: read its paragraphs where they stand.
      this.frames.push({ cell: this.frame.cell, discard: this.frame.discard, paragraph: undefined });
      this.cells.push({ cell: rawCell(), table: table ?? { topLevel: false, raw: { rows: [], irregular: false }, starts: new Set() }, column: 0, frame: this.frame, settled: true });
      return;
    }
    const cell = rawCell();
    const outer = this.frame;
    // A nested table's cells write into the top-level cell that holds them.
    const frame: Frame = table.topLevel ? { cell, discard: row.deleted, paragraph: undefined } : { cell: outer.cell, discard: outer.discard || row.deleted, paragraph: undefined };
    this.frames.push(frame);
    row.cells.push(cell);
    this.cells.push({ cell, table, column: row.column, frame, settled: false });
  }

  /** After a nested cell's properties: a cell continuing a vertical merge is dropped, as mammoth drops it. */
  private settleCell(): void {
    const state = this.cells[this.cells.length - 1];
    if (!state || state.settled) return;
    state.settled = true;
    if (state.table.topLevel) return;
    if (state.cell.vMerge && state.table.starts.has(state.column)) state.frame.discard = true;
    else state.table.starts.add(state.column);
  }

  private closeCell(): void {
    const state = this.cells[this.cells.length - 1];
    if (!state) return;
    this.settleCell();
    while (this.frame.paragraph) this.closeParagraph();
    this.cells.pop();
    this.frames.pop();
    const row = state.table.row;
    if (row) row.column += Number.isFinite(state.cell.gridSpan) ? state.cell.gridSpan : 1;
  }

  // ---- properties

  private property(name: string): void {
    const parent = this.names[this.names.length - 1];
    if (this.propsOf === "paragraph") {
      const paragraph = this.paragraph;
      if (!paragraph) return;
      if (name === "w:pStyle" && parent === "w:pPr") paragraph.styleId = this.attribute("w:val");
      else if (name === "w:numId" && parent === "w:numPr") paragraph.numId = this.attribute("w:val");
      else if (name === "w:ilvl" && parent === "w:numPr") paragraph.ilvl = this.attribute("w:val");
      else if (name === "w:del" && parent === "w:rPr" && this.names[this.names.length - 2] === "w:pPr") paragraph.deletedMark = true;
    } else if (this.propsOf === "cell") {
      const state = this.cells[this.cells.length - 1];
      if (!state || this.tcPrChange > 0 || name === "w:tcPrChange") return;
      if (parent === "w:tcPr" && name === "w:gridSpan") {
        const value = this.attribute("w:val");
        state.cell.gridSpan = value ? Number.parseInt(value, 10) : 1;
      } else if (parent === "w:tcPr" && name === "w:vMerge") {
        const value = this.attribute("w:val");
        state.cell.vMerge = value === "continue" || !value;
      } else if (name === "w:shd" && state.table.topLevel) state.cell.fill ??= shading((attributeName) => this.attribute(attributeName));
    } else if (this.propsOf === "row") {
      if (name === "w:del" && parent === "w:trPr") {
        const row = this.currentTable()?.row;
        if (row) row.deleted = true;
      }
    }
  }
}

/** A w:shd's visible colour: the fill, or the pattern colour of a solid pattern. White and auto are no colour. */
export function shading(attribute: (name: string) => string | undefined): string | undefined {
  const val = attribute("w:val");
  const colour = val === "solid" ? attribute("w:color") : val === "nil" ? undefined : attribute("w:fill");
  if (!colour || !/^[0-9A-Fa-f]{6}$/.test(colour)) return undefined;
  const hex = colour.toUpperCase();
  return hex === "FFFFFF" ? undefined : hex;
}

