// A corpus of quarterly updates for the batch benchmark, made from the fixtures with varied
// values: every .docx in fixtures/docx/ and every text seed in fixtures/seeds/ is a template;
// file i copies template i mod n, shifting its financial years, redrawing its percentages and
// (in text) its RAG ratings from a seeded random sequence, so runs are repeatable and no two
// files are the same. Files are made until the corpus holds at least `updates` updates (one
// update = one "… Performance Update" section; a template holds 7 to 10 of them).
//
//   node bench/corpus.js [--updates 1000] [--out bench/out/corpus] [--seed 1] [--formats docx,text]
//
// Writes <out>/docx/*.docx and <out>/text/*.txt and prints what it made.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const HEADING = /\d{4}\/\d{2} Quarter \d Performance Update/g;

/** mulberry32: a small seeded generator, the same numbers on every machine. */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The variations of one file, applied to a piece of text (a whole text file or one <w:t>). */
export function varier(next, { ratings }) {
  const shift = Math.floor(next() * 6); // 2008/09 … 2013/14
  const two = (n) => String(n % 100).padStart(2, "0");
  const rate = (text) => (ratings ? text.replace(/(^|\t)(Red|Amber|Green)(?=\t|\r?$)/gm, (match, before) => `${before}${["Red", "Amber", "Green"][Math.floor(next() * 3)]}`) : text);
  return (text) =>
    rate(text)
      .replace(/\b(20\d\d)\/(\d\d)\b/g, (match, first, second) =>
        (Number(first) + 1) % 100 === Number(second) ? `${Number(first) + shift}/${two(Number(second) + shift)}` : match,
      )
      .replace(/\b(\d{1,2}(?:\.(\d+))?)%/g, (match, _value, decimals) => `${(next() * 99.9).toFixed(decimals ? decimals.length : 0)}%`);
}

function textFile(bytes, vary) {
  return Buffer.from(vary(Buffer.from(bytes).toString("latin1")), "latin1");
}

function docxFile(files, vary) {
  const xml = strFromU8(files["word/document.xml"]);
  const varied = xml.replace(/(<w:t(?:\s[^>]*)?>)([^<]*)(<\/w:t>)/g, (match, open, text, close) => `${open}${vary(text)}${close}`);
  return zipSync({ ...files, "word/document.xml": strToU8(varied) }, { level: 6 });
}

function templates(formats) {
  const list = [];
  if (formats.includes("docx")) {
    for (const name of readdirSync(join(ROOT, "fixtures/docx")).filter((n) => n.endsWith(".docx")).sort()) {
      const files = unzipSync(readFileSync(join(ROOT, "fixtures/docx", name)));
      const updates = strFromU8(files["word/document.xml"]).replace(/<[^>]+>/g, "").match(HEADING)?.length ?? 0;
      list.push({ kind: "docx", name: name.replace(/\.docx$/, ""), updates, make: (vary) => docxFile(files, vary) });
    }
  }
  if (formats.includes("text")) {
    for (const name of readdirSync(join(ROOT, "fixtures/seeds")).filter((n) => n.endsWith(".txt")).sort()) {
      const bytes = readFileSync(join(ROOT, "fixtures/seeds", name));
      const updates = bytes.toString("latin1").match(HEADING)?.length ?? 0;
      list.push({ kind: "text", name: name.replace(/\.txt$/, ""), updates, make: (vary) => textFile(bytes, vary) });
    }
  }
  return list.filter((template) => template.updates > 0);
}

/**
 * Make the corpus. Returns { dir, files: [{ path, kind, updates }], updates, docx: [paths], text: [paths] }.
 */
export function makeCorpus({ updates = 1000, out = join(ROOT, "bench/out/corpus"), seed = 1, formats = ["docx", "text"] } = {}) {
  const list = templates(formats);
  if (list.length === 0) throw new Error("no templates: fixtures/docx/*.docx and fixtures/seeds/*.txt are missing");
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, "docx"), { recursive: true });
  mkdirSync(join(out, "text"), { recursive: true });
  const next = random(seed);
  const files = [];
  let total = 0;
  for (let i = 0; total < updates; i++) {
    const template = list[i % list.length];
    const name = `${String(i + 1).padStart(4, "0")}-${template.name}`;
    const path = template.kind === "docx" ? join(out, "docx", `${name}.docx`) : join(out, "text", `${name}.txt`);
    writeFileSync(path, template.make(varier(next, { ratings: template.kind === "text" })));
    files.push({ path, kind: template.kind, updates: template.updates });
    total += template.updates;
  }
  return {
    dir: out,
    files,
    updates: total,
    docx: files.filter((file) => file.kind === "docx").map((file) => file.path),
    text: files.filter((file) => file.kind === "text").map((file) => file.path),
  };
}

function option(args, name, fallback) {
  const at = args.indexOf(name);
  return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const corpus = makeCorpus({
    updates: Number(option(args, "--updates", "1000")),
    out: option(args, "--out", join(ROOT, "bench/out/corpus")),
    seed: Number(option(args, "--seed", "1")),
    formats: option(args, "--formats", "docx,text").split(","),
  });
  console.log(`${corpus.files.length} files (${corpus.docx.length} .docx, ${corpus.text.length} text), ${corpus.updates} updates in ${corpus.dir}`);
}
