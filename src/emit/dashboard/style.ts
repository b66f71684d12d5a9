/**
 * The dashboard's only stylesheet, inlined into the page: system fonts (an emailed file cannot
 * fetch any), Word's RAG fills with black text, and print rules for A4 board papers. Browsers
 * drop background colours when printing unless told otherwise; the shapes and labels carry the
 * rating even when they do.
 */
import { RAG_FILL, RAG_TEXT } from "./palette.js";

export const STYLE = `
:root { --ink: #1a1a1a; --muted: #555; --rule: #b9b9b9; --head: #eef1f5; --link: #0b4f9c; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1180px; padding: 24px; color: var(--ink); background: #fff;
  font: 15px/1.45 "Segoe UI", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; }
h1 { font-size: 1.6em; margin: 0 0 .2em; }
h2 { font-size: 1.25em; margin: 1.6em 0 .5em; border-bottom: 2px solid var(--ink); padding-bottom: .15em; }
h3 { font-size: 1.1em; margin: 0 0 .3em; }
h4 { font-size: 1em; margin: .8em 0 .3em; }
a { color: var(--link); }
.lede, .meta, .note { color: var(--muted); margin: .2em 0; }
.defs { position: absolute; width: 0; height: 0; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
table { border-collapse: collapse; width: 100%; margin: .4em 0 1em; }
caption { text-align: left; font-weight: 600; padding: .3em 0; caption-side: top; }
th, td { border: 1px solid var(--rule); padding: 4px 6px; vertical-align: top; text-align: left; }
thead th { background: var(--head); }
th[scope="rowgroup"] { background: #dde3ea; font-size: 1.02em; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.icon { width: .8em; height: .8em; fill: currentColor; vertical-align: -.05em; margin-right: .3em; }
.rag { display: inline-block; padding: 1px 7px; border-radius: 3px; border: 1px solid #0006; color: #${RAG_TEXT}; font-weight: 600; white-space: nowrap; }
.rag-Red { background: #${RAG_FILL.Red}; }
.rag-Amber { background: #${RAG_FILL.Amber}; }
.rag-Green { background: #${RAG_FILL.Green}; }
.rag-none { background: #fff; border-style: dashed; color: var(--muted); font-weight: 400; white-space: normal; }
.dir { display: inline-block; margin-left: .35em; font-weight: 700; }
.dir .icon { width: 1em; height: 1em; margin: 0; vertical-align: -.15em; }
.matrix td { text-align: center; white-space: nowrap; width: 9em; }
.matrix th[scope="row"] { font-weight: 400; }
.matrix th[scope="row"] .title { display: block; color: var(--muted); font-size: .86em; }
.matrix .empty { color: var(--muted); font-size: .9em; }
.flag { display: block; font-size: .8em; margin-top: 2px; }
.legend { display: flex; flex-wrap: wrap; gap: .4em 1.2em; align-items: center; font-size: .9em; margin: .2em 0 1em; padding: 0; list-style: none; }
.summary { display: grid; grid-template-columns: 2fr 1fr; gap: 0 24px; align-items: start; }
.priority { border-top: 1px solid var(--rule); padding-top: .9em; margin-top: 1.2em; }
.ratings { display: flex; flex-wrap: wrap; gap: .3em 1.2em; margin: .3em 0; padding: 0; list-style: none; }
.indicators td, .indicators th { font-size: .92em; }
.indicators th[scope="row"] { font-weight: 600; min-width: 9em; }
.indicators .def { display: block; font-weight: 400; color: var(--muted); }
.kind { display: block; color: var(--muted); font-size: .85em; }
.targets { margin: 0; padding: 0; list-style: none; }
.targets .year { white-space: nowrap; }
.chart { width: 260px; height: auto; display: block; }
.chart-col { width: 272px; }
.chart .axis { stroke: #777; stroke-width: 1; }
.chart .tick, .chart .value, .chart .target-label { font: 9px Arial, "Liberation Sans", "DejaVu Sans", sans-serif; fill: #222; }
.chart .target { stroke: #b00000; stroke-width: 1.6; stroke-dasharray: 4 3; }
.chart .target-label { fill: #b00000; }
.chart text { paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
.chart .result-line { fill: none; stroke: #0b4f9c; stroke-width: 1.6; }
.chart .result { fill: #0b4f9c; }
.chart .baseline { fill: #fff; stroke: #555; stroke-width: 1.4; }
.chart .forecast { fill: #fff; stroke: #0b4f9c; stroke-width: 1.4; }
.findings { margin: .3em 0; padding: 0; list-style: none; }
.findings li { margin: .2em 0; padding-left: .2em; }
.findings .where { color: var(--muted); font-size: .88em; }
.findings-box { border-left: 4px solid #7a4d00; background: #fdf8ee; padding: .3em .7em; margin: .5em 0; }
.findings-box.has-error { border-left-color: #b00000; background: #fbf3f3; }
.findings-box.quiet { border-left-color: #777; background: #f5f5f5; }
.sev { display: inline-block; min-width: 4.6em; font-size: .8em; font-weight: 700; text-transform: uppercase; letter-spacing: .02em; }
.sev-error { color: #a00000; }
.sev-warning { color: #7a4d00; }
.sev-info { color: #24527a; }
.finding-row td { background: #fcfcfc; }
footer { margin-top: 2em; color: var(--muted); font-size: .85em; }
@page { size: A4 portrait; margin: 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 9.5pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
  h2, h3, h4, caption { break-after: avoid; }
  tr, .chart, .findings li { break-inside: avoid; }
  thead { display: table-header-group; }
  .summary { display: block; }
  #matrix { break-after: page; }
  .priority { break-inside: avoid; }
  footer { break-before: avoid; }
  .chart { width: 200px; }
  .chart-col { width: 206px; }
  /* Three quarters or more give an indicator table seven columns or more: smaller text, and
     long words in the cells may break, rather than push the table past the page's edge. */
  .indicators.many-quarters { font-size: .9em; }
  .indicators.many-quarters th, .indicators.many-quarters td { padding: 3px 4px; }
  .indicators.many-quarters td { overflow-wrap: anywhere; }
  .indicators.many-quarters th[scope="row"] { min-width: 6em; }
  .indicators.many-quarters .rag { padding: 1px 4px; }
}
`;
