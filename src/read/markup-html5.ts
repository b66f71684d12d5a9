/**
 * Parse a page as a browser would (parse5: the HTML standard's tree construction and error
 * recovery) into the lean tree of markup-tree.ts, through a tree adapter of our own instead of
 * cheerio's domhandler nodes: the same tree, a fraction of the memory.
 */
import { parse, type DefaultTreeAdapterMap, type Token, type TreeAdapter, type TreeAdapterTypeMap } from "parse5";
import { appendChild, appendText, attributesOf, detach, insertBefore, insertTextBefore, MarkupContainer, MarkupElement, MarkupNote, MarkupText, type MarkupNode, type MarkupParent } from "./markup-tree.js";

type DocumentMode = ReturnType<TreeAdapter<DefaultTreeAdapterMap>["getDocumentMode"]>;
type Namespace = Parameters<TreeAdapter<DefaultTreeAdapterMap>["createElement"]>[1];

type LeanTypes = TreeAdapterTypeMap<MarkupNode, MarkupParent, MarkupNode, MarkupContainer, MarkupContainer, MarkupElement, MarkupNote, MarkupText, MarkupElement, MarkupNote>;

function attributeValues(attrs: Token.Attribute[]): Readonly<Record<string, string>> {
  const values = Object.create(null) as Record<string, string>;
  for (const attr of attrs) values[attr.name] = attr.value;
  return attributesOf(values);
}

/** A tree adapter for one parse (it remembers the document's quirks mode, which parse5 asks back). */
function leanAdapter(): TreeAdapter<LeanTypes> {
  let mode: DocumentMode | undefined;
  const adapter: TreeAdapter<LeanTypes> = {
    createDocument: () => new MarkupContainer("document"),
    createDocumentFragment: () => new MarkupContainer("fragment"),
    createElement: (tagName, namespace, attrs) => new MarkupElement(tagName, attributeValues(attrs), namespace),
    createCommentNode: (data) => new MarkupNote("comment", data),
    createTextNode: (value) => new MarkupText(value),

    appendChild,
    insertBefore,
    // A template's content hangs under it as a fragment, as with cheerio: the walks never read it.
    setTemplateContent: (template, content) => appendChild(template, content),
    getTemplateContent: (template) => template.children[0] as MarkupContainer,
    setDocumentType(document, name) {
      const data = `!DOCTYPE ${name}`;
      const doctype = document.children.find((node): node is MarkupNote => node instanceof MarkupNote && node.kind === "directive");
      if (doctype) doctype.data = data;
      else appendChild(document, new MarkupNote("directive", data));
    },
    setDocumentMode: (_document, documentMode) => {
      mode = documentMode;
    },
    getDocumentMode: () => mode!,
    detachNode: detach,
    insertText: appendText,
    insertTextBefore,
    adoptAttributes(recipient, attrs) {
      const added = attrs.filter((attr) => recipient.attribs[attr.name] === undefined);
      if (added.length > 0) recipient.attribs = attributeValues([...adapter.getAttrList(recipient), ...added]);
    },

    getFirstChild: (node) => node.children[0] ?? null,
    getChildNodes: (node) => node.children,
    getParentNode: (node) => node.parent,
    getAttrList: (element) => Object.entries(element.attribs).map(([name, value]) => ({ name, value })),

    getTagName: (element) => element.name,
    getNamespaceURI: (element) => element.namespace as Namespace,
    getTextNodeContent: (text) => text.data,
    getCommentNodeContent: (comment) => comment.data,
    getDocumentTypeNodeName: (doctype) => doctype.data.slice("!DOCTYPE ".length),
    getDocumentTypeNodePublicId: () => "",
    getDocumentTypeNodeSystemId: () => "",

    isTextNode: (node): node is MarkupText => node instanceof MarkupText,
    isCommentNode: (node): node is MarkupNote => node instanceof MarkupNote && node.kind === "comment",
    isDocumentTypeNode: (node): node is MarkupNote => node instanceof MarkupNote && node.kind === "directive",
    isElementNode: (node): node is MarkupElement => node instanceof MarkupElement,

    // Source locations are never asked for (sourceCodeLocationInfo is off).
    setNodeSourceCodeLocation: () => {},
    getNodeSourceCodeLocation: () => undefined,
    updateNodeSourceCodeLocation: () => {},
  };
  return adapter;
}

/** The page as a browser would build it, scripts not run (as cheerio parsed it: scripting on, so <noscript> holds raw text). */
export function parseHtml5(html: string): MarkupContainer {
  return parse(html, { treeAdapter: leanAdapter(), scriptingEnabled: true });
}
