// Issue 3 benchmark: on the same .docx files, in one run, time
//   parse  — lsp-report's readDocument + parseReport (mammoth + our document.xml pass + records),
//   mammoth — mammoth.convertToHtml alone,
//   floor  — unzip word/document.xml + one XML tokenising pass,
// and report parse/mammoth and mammoth/floor. Inputs: the .docx fixtures and one long file made
// by repeating a fixture's body 20 times.
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
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

/**
 * Time the three contenders on one input, interleaved: each round runs all three, in a rotating
 * order, so load from other processes (this machine is shared) falls on all of them alike and the
 * ratios stay meaningful. Reports the median of each.
 */
async function timeTogether(contenders, bytes, rounds) {
  for (const fn of Object.values(contenders)) await fn(bytes); // warm up
  const samples = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  const names = Object.keys(contenders);
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(round + i) % names.length];
      const start = performance.now();
      await contenders[name](bytes);
      samples[name].push(performance.now() - start);
    }
  }
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return Object.fromEntries(names.map((name) => [name, median(samples[name])]));
}

export async function run() {
  const q2 = readFileSync(new URL("../fixtures/docx/q2-2008-09.docx", import.meta.url));
  const q4 = readFileSync(new URL("../fixtures/docx/q4-2008-09.docx", import.meta.url));
  const inputs = [
    ["q2-2008-09.docx (10 updates)", q2, 31],
    ["q4-2008-09.docx (7 updates)", q4, 31],
    ["q2 body x20 (200 updates)", longDocx(q2, 20), 9],
  ];
  const contenders = {
    parse: async (b) => parseReport(await readDocument(b), "bench.docx"),
    mammoth: (b) => mammoth.convertToHtml({ buffer: Buffer.from(b) }),
    floor: async (b) => floor(b),
  };
  console.log(`docx readers: median ms per document, interleaved rounds (${cpus().length} CPUs, load average ${loadavg()[0].toFixed(1)})`);
  console.log("input                          parse  mammoth   floor  parse/mammoth  mammoth/floor");
  for (const [name, bytes, rounds] of inputs) {
    const { parse, mammoth: alone, floor: bare } = await timeTogether(contenders, bytes, rounds);
    console.log(
      `${name.padEnd(30)} ${parse.toFixed(0).padStart(6)} ${alone.toFixed(0).padStart(8)} ${bare.toFixed(1).padStart(7)} ${(parse / alone).toFixed(2).padStart(14)} ${(alone / bare).toFixed(1).padStart(14)}`,
    );
  }
  console.log("target: parse/mammoth <= 1.30");
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
