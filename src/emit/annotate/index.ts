/**
 * `validate --annotate`: a .docx with every finding as a Word comment on the cell it is about.
 * Pure: the package's bytes and the findings in, the annotated package's bytes out. Only the
 * main document part, the comments part, the main part's relationships and [Content_Types].xml
 * change; every other part keeps its bytes. Comments already in the document are kept, and ours
 * take ids after theirs.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import type { Finding, Severity } from "../../schema/findings.js";
import { highestCommentId, placeComments } from "./document.js";
import { xmlText } from "../xml-text.js";

export interface AnnotateOptions {
  /** Refuse a package that expands past this many bytes (the readers' zip-bomb guard). */
  maxUncompressedBytes: number;
  author?: string;
  initials?: string;
}

export interface Annotated {
  bytes: Uint8Array;
  /** Findings placed as comments, and those with no paragraph to hang on (put on the first). */
  placed: number;
}

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const COMMENTS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
const COMMENTS_CONTENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";
const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const TITLE: Record<Severity, string> = { error: "Error", warning: "Warning", info: "Note" };

export class AnnotateError extends Error {}


/** What a comment says: the severity and message, where (for findings not on their own cell), the rule and where to read about it. */
export function commentText(finding: Finding, onItsCell: boolean): string[] {
  const lines = [`${TITLE[finding.severity]}: ${finding.message}`];
  if (!onItsCell && finding.place) lines.push(`At ${finding.place}.`);
  lines.push(`Rule ${finding.rule}: lsp-report rules ${finding.rule}`);
  return lines;
}

/** The findings in the order their comments are written: errors first, then by place in the document. */
export function inCommentOrder(findings: Finding[]): Finding[] {
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => ORDER[a.finding.severity] - ORDER[b.finding.severity] || a.index - b.index)
    .map(({ finding }) => finding);
}

function unzip(bytes: Uint8Array, maxUncompressedBytes: number): Record<string, Uint8Array> {
  let total = 0;
  try {
    return unzipSync(bytes, {
      filter: (file) => {
        total += file.originalSize;
        if (total > maxUncompressedBytes) throw new AnnotateError(`expands past ${Math.round(maxUncompressedBytes / 1048576)} MB`);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof AnnotateError) throw error;
    throw new AnnotateError("not a readable Word package");
  }
}

/** The main document part, as the package relationships name it. */
function mainPart(files: Record<string, Uint8Array>): string {
  const rels = files["_rels/.rels"];
  if (rels) {
    for (const [relationship] of strFromU8(rels).matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
      const type = /\bType="([^"]*)"/.exec(relationship)?.[1] ?? "";
      const target = /\bTarget="([^"]*)"/.exec(relationship)?.[1]?.replace(/^\//, "");
      if (/\/relationships\/officeDocument$/.test(type) && target && files[target]) return target;
    }
  }
  if (files["word/document.xml"]) return "word/document.xml";
  throw new AnnotateError("no main document part");
}

function folderOf(part: string): string {
  return part.includes("/") ? part.slice(0, part.lastIndexOf("/") + 1) : "";
}

/** A relationship target against the folder of its source part (handles ../ and a leading /). */
function resolveTarget(folder: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = `${folder}${target}`.split("/");
  const out: string[] = [];
  for (const part of parts) {
    if (part === "..") out.pop();
    else if (part !== "." && part !== "") out.push(part);
  }
  return out.join("/");
}

/** The comments part and whether its relationship and content type must be added. */
function commentsPart(files: Record<string, Uint8Array>, main: string): { part: string; relsPart: string; rels: string; related: boolean } {
  const relsPart = `${folderOf(main)}_rels/${main.slice(folderOf(main).length)}.rels`;
  const rels = files[relsPart] ? strFromU8(files[relsPart]) : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  for (const [relationship] of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const type = /\bType="([^"]*)"/.exec(relationship)?.[1] ?? "";
    const target = /\bTarget="([^"]*)"/.exec(relationship)?.[1];
    if (type === COMMENTS_TYPE && target) return { part: resolveTarget(folderOf(main), target), relsPart, rels, related: true };
  }
  return { part: `${folderOf(main)}comments.xml`, relsPart, rels, related: false };
}

function addRelationship(rels: string): string {
  const used = new Set([...rels.matchAll(/\bId="([^"]*)"/g)].map((match) => match[1]));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  const relationship = `<Relationship Id="rId${n}" Type="${COMMENTS_TYPE}" Target="comments.xml"/>`;
  return rels.includes("</Relationships>") ? rels.replace("</Relationships>", `${relationship}</Relationships>`) : rels.replace(/<Relationships\b([^>]*)\/>/, `<Relationships$1>${relationship}</Relationships>`);
}

function addContentType(types: string, part: string): string {
  if (new RegExp(`PartName="/${part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"`, "i").test(types)) return types;
  return types.replace("</Types>", `<Override PartName="/${part}" ContentType="${COMMENTS_CONTENT}"/></Types>`);
}

function commentXml(id: number, lines: string[], author: string, initials: string): string {
  const paragraphs = lines.map((line, index) => `<w:p>${index === 0 ? `<w:r><w:annotationRef/></w:r>` : ""}<w:r><w:t xml:space="preserve">${xmlText(line)}</w:t></w:r></w:p>`).join("");
  return `<w:comment w:id="${id}" w:author="${xmlText(author)}" w:initials="${xmlText(initials)}">${paragraphs}</w:comment>`;
}

/**
 * Put each finding in the package as a comment: on the cell its location's anchor names, or,
 * when it has none (a finding about the whole file), on the document's first paragraph.
 */
export function annotateDocx(bytes: Uint8Array, findings: Finding[], options: AnnotateOptions): Annotated {
  const author = options.author ?? "lsp-report";
  const initials = options.initials ?? "LR";
  const files = unzip(bytes, options.maxUncompressedBytes);
  const main = mainPart(files);
  const document = strFromU8(files[main]!); // mainPart names a part that is there
  const comments = commentsPart(files, main);
  const existingPart = files[comments.part];
  const existing = existingPart ? strFromU8(existingPart) : undefined;
  let next = Math.max(highestCommentId(document), existing ? highestCommentId(existing) : -1) + 1;

  const ordered = inCommentOrder(findings);
  const anchored = ordered.map((finding) => ({ finding, id: next++, anchor: finding.location?.anchor }));
  const placement = placeComments(
    document,
    anchored.map(({ id, anchor }) => ({ id, anchor: anchor ?? 0 })),
  );
  const missed = new Set(placement.missed.map((comment) => comment.id));
  const elements = anchored
    .filter(({ id }) => !missed.has(id))
    .map(({ finding, id, anchor }) => commentXml(id, commentText(finding, anchor !== undefined), author, initials))
    .join("");

  const out: Zippable = {};
  for (const [name, data] of Object.entries(files)) out[name] = data;
  out[main] = strToU8(placement.xml);
  out[comments.part] = strToU8(
    existing
      ? existing.replace(/<\/w:comments>\s*$/, `${elements}</w:comments>`)
      : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${W}">${elements}</w:comments>`,
  );
  if (!comments.related) out[comments.relsPart] = strToU8(addRelationship(comments.rels));
  if (files["[Content_Types].xml"]) out["[Content_Types].xml"] = strToU8(addContentType(strFromU8(files["[Content_Types].xml"]), comments.part));
  // A fixed time stamp: the same input and findings give the same bytes.
  const zipped = zipSync(out, { level: 6, mtime: new Date("1980-01-01T00:00:00Z") });
  return { bytes: zipped, placed: anchored.length - missed.size };
}
