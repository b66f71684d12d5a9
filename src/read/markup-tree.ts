/**
 * A lean tree of parsed HTML, built by either parser the readers use (parse5 through the tree
 * adapter in markup-html5.ts, htmlparser2 through the handler below) and walked by html.ts and
 * markup.ts. Why not domhandler's nodes, as cheerio builds them: each of those carries a dozen
 * fields (parent, siblings, offsets, three attribute maps), so a cell holding 434,650 tiny
 * paragraphs (a fuzz mutant, 3.6 MB) took 430 MB of heap as a DOM alone. Here an element holds
 * its name, namespace, attributes, children and parent, a text its string and parent; elements
 * without attributes or children share one frozen empty object or array.
 */
import type { Handler, ParserOptions } from "htmlparser2";

/** A child in the tree: an element, text (adjacent runs joined), or a node never read as text. */
export type MarkupNode = MarkupElement | MarkupContainer | MarkupNote | MarkupText;
export type MarkupParent = MarkupElement | MarkupContainer;

const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze(Object.create(null) as Record<string, string>);
const NO_CHILDREN: MarkupNode[] = Object.freeze([]) as unknown as MarkupNode[];

export class MarkupElement {
  parent: MarkupParent | null = null;
  children: MarkupNode[] = NO_CHILDREN;
  constructor(
    public name: string,
    /** Attribute values by name (both parsers keep the first of an attribute written twice). */
    public attribs: Readonly<Record<string, string>>,
    /** The element's namespace URI (parse5 needs it to tell HTML from SVG and MathML); "" from htmlparser2. */
    readonly namespace: string,
  ) {}
}

/**
 * A node that holds children but is not an element: the document, a template's content (parse5
 * keeps it apart from the page), CDATA. The walks skip it, as they skipped domhandler's.
 */
export class MarkupContainer {
  parent: MarkupParent | null = null;
  children: MarkupNode[] = NO_CHILDREN;
  constructor(readonly kind: "document" | "fragment" | "cdata") {}
}

/** A comment, a doctype or another `<!…>` / `<?…>` declaration: its text, never read as content. */
export class MarkupNote {
  parent: MarkupParent | null = null;
  constructor(
    readonly kind: "comment" | "directive",
    public data: string,
  ) {}
}

/** A run of text (parse5 moves text from element to element, so it knows its parent). */
export class MarkupText {
  parent: MarkupParent | null = null;
  constructor(public data: string) {}
}

export const attributesOf = (values: Record<string, string>): Readonly<Record<string, string>> => {
  for (const _ in values) return values;
  return NO_ATTRIBUTES;
};

export function appendChild(parent: MarkupParent, child: MarkupNode): void {
  child.parent = parent;
  if (parent.children === NO_CHILDREN) parent.children = [child];
  else parent.children.push(child);
}

/** Append text, joined to the text before it if the last child is text. */
export function appendText(parent: MarkupParent, text: string): void {
  const last = parent.children[parent.children.length - 1];
  if (last instanceof MarkupText) last.data += text;
  else appendChild(parent, new MarkupText(text));
}

/** Insert `child` before `reference`, a child of `parent`. */
export function insertBefore(parent: MarkupParent, child: MarkupNode, reference: MarkupNode): void {
  child.parent = parent;
  if (parent.children === NO_CHILDREN) parent.children = [];
  parent.children.splice(parent.children.indexOf(reference), 0, child);
}

/** Insert text before `reference`, joined to the text just before it if there is some. */
export function insertTextBefore(parent: MarkupParent, text: string, reference: MarkupNode): void {
  const before = parent.children[parent.children.indexOf(reference) - 1];
  if (before instanceof MarkupText) before.data += text;
  else insertBefore(parent, new MarkupText(text), reference);
}

export function detach(node: MarkupNode): void {
  const parent = node.parent;
  if (!parent) return;
  parent.children.splice(parent.children.lastIndexOf(node), 1);
  node.parent = null;
}

/** Replace a node's children (the array is the node's own afterwards). */
export function setChildren(parent: MarkupParent, children: MarkupNode[]): void {
  parent.children = children.length === 0 ? NO_CHILDREN : children;
  for (const child of children) child.parent = parent;
}

/**
 * The text of a node and all below it, comments and declarations left out: what cheerio's
 * `.text()` gave (domutils' textContent, which also reads inside a template's content).
 */
export function textContent(node: MarkupNode): string {
  let text = "";
  const stack: MarkupNode[] = [node];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (next instanceof MarkupText) text += next.data;
    else if (!(next instanceof MarkupNote)) for (let i = next.children.length - 1; i >= 0; i--) stack.push(next.children[i]!);
  }
  return text;
}

/**
 * htmlparser2's callbacks to a tree, as its own DomHandler builds one (text joined while it
 * runs on, comments' pieces joined, declarations as notes). htmlparser2 is passed in rather
 * than imported: markup.ts loads it only for text that holds markup.
 */
class TreeBuilder implements Partial<Handler> {
  readonly root = new MarkupContainer("document");
  private readonly open: MarkupParent[] = [this.root];
  /** The comment or CDATA still being written to, which the next piece of its text joins. */
  private writing: MarkupNote | MarkupContainer | null = null;

  private get current(): MarkupParent {
    return this.open[this.open.length - 1]!;
  }

  onopentag(name: string, attribs: Record<string, string>): void {
    this.writing = null;
    const element = new MarkupElement(name, attributesOf(attribs), "");
    appendChild(this.current, element);
    this.open.push(element);
  }

  onclosetag(): void {
    this.writing = null;
    this.open.pop();
  }

  ontext(data: string): void {
    if (this.writing instanceof MarkupContainer) appendText(this.writing, data);
    else {
      this.writing = null;
      appendText(this.current, data);
    }
  }

  oncomment(data: string): void {
    if (this.writing instanceof MarkupNote) {
      this.writing.data += data;
      return;
    }
    const note = new MarkupNote("comment", data);
    appendChild(this.current, note);
    this.writing = note;
  }

  oncommentend(): void {
    this.writing = null;
  }

  oncdatastart(): void {
    const cdata = new MarkupContainer("cdata");
    appendChild(this.current, cdata);
    this.writing = cdata;
  }

  oncdataend(): void {
    this.writing = null;
  }

  onprocessinginstruction(_name: string, data: string): void {
    this.writing = null;
    appendChild(this.current, new MarkupNote("directive", data));
  }
}

/** What of htmlparser2 the builder needs: its Parser class. */
export interface LinearParser {
  Parser: new (handler: Partial<Handler>, options?: ParserOptions) => { end(chunk?: string): void };
}

/**
 * Parse with htmlparser2, in time linear in the page whatever its shape (no HTML-standard error
 * recovery: tags close as they are written, not as a browser would mend them).
 */
export function parseLinear(htmlparser2: LinearParser, html: string): MarkupContainer {
  const builder = new TreeBuilder();
  new htmlparser2.Parser(builder, { xmlMode: false, decodeEntities: true }).end(html);
  return builder.root;
}
