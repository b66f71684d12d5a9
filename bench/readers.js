// Issue 3 benchmark: on the same .docx files, in one run, time
//   parse  — lsp-report's readDocument + parseReport (mammoth + our document.xml pass + records),
//   mammoth — mammoth.convertToHtml alone,
//   floor  — unzip word/document.xml + one XML tokenising pass,
// and report parse/mammoth and mammoth/floor. Inputs: the .docx fixtures and one long file made
// by repeating a fixture's body 20 times.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import mammoth from "mammoth";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { readDocument, parseReport } from "../dist/index.js";

function longDocx(bytes, times) {
  const files = unzipSync(bytes);
  const xml = strFromU8(files["word/document.xml"]);
  const body = /<w:body>([\s\S]*?)(<w:sectPr[\s\S]*)<\/w:body>/.exec(xml);
  files["word/document.xml"] = strToU8(xml.replace(body[0], `<w:body>${body[1].repeat(times)}${body[2]}</w:body>`));
  return zipSync(files);
}

function floor(bytes) {
  const xml = strFromU8(unzipSync(bytes, { filter: (file) => file.name === "word/document.xml" })["word/document.xml"]);
  let tags = 0;
  for (const _ of xml.matchAll(/<[^>]+>/g)) tags++;
  return tags;
}

async function time(fn, bytes, rounds) {
  await fn(bytes); // warm up
  const samples = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await fn(bytes);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

export async function run() {
  const q2 = readFileSync(new URL("../fixtures/docx/q2-2008-09.docx", import.meta.url));
  const q4 = readFileSync(new URL("../fixtures/docx/q4-2008-09.docx", import.meta.url));
  const inputs = [
    ["q2-2008-09.docx (10 updates)", q2, 15],
    ["q4-2008-09.docx (7 updates)", q4, 15],
    ["q2 body x20 (200 updates)", longDocx(q2, 20), 5],
  ];
  console.log("docx readers: median ms per document");
  console.log("input                          parse  mammoth   floor  parse/mammoth  mammoth/floor");
  for (const [name, bytes, rounds] of inputs) {
    const parse = await time(async (b) => parseReport(await readDocument(b), name), bytes, rounds);
    const alone = await time((b) => mammoth.convertToHtml({ buffer: Buffer.from(b) }), bytes, rounds);
    const bare = await time(floor, bytes, rounds);
    console.log(
      `${name.padEnd(30)} ${parse.toFixed(0).padStart(6)} ${alone.toFixed(0).padStart(8)} ${bare.toFixed(1).padStart(7)} ${(parse / alone).toFixed(2).padStart(14)} ${(alone / bare).toFixed(1).padStart(14)}`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
