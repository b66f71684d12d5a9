/** Fuzz of the text reader: byte damage, odd line ends and encodings, tab storms, markup residue and huge cells. */
import { byteFlips, fuzz, rangeEdits, splice, truncation, type Mutation } from "./harness.js";

const lineEnds: Mutation = {
  name: "line ends changed",
  apply(bytes, r) {
    const end = r.pick(["\r\n", "\r", "\n", "\n\n", "\u2028", ""]);
    return Buffer.from(bytes.toString("utf8").replace(/\r?\n/g, () => (r.next() < 0.2 ? end : "\n")), "utf8");
  },
};

const reencoded: Mutation = {
  name: "other encodings",
  apply(bytes, r) {
    const value = bytes.toString("utf8");
    const kind = r.pick(["utf-16le", "utf-16be", "latin1", "bom", "invalid utf-8"] as const);
    if (kind === "utf-16le") return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(value, "utf16le")]);
    if (kind === "utf-16be") return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(value, "utf16le").swap16()]);
    if (kind === "latin1") return Buffer.from(value, "latin1");
    if (kind === "bom") return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
    const copy = Buffer.from(bytes);
    for (let count = r.int(1, 20); count > 0; count--) copy[r.int(0, copy.length - 1)] = r.pick([0x80, 0x96, 0xc3, 0xff, 0xfe]);
    return copy;
  },
};

const tabStorm: Mutation = {
  name: "tab storm",
  apply: (bytes, r) => splice(bytes, r, r.pick(["\t", "a\t", "\t\t\n", "|"]).repeat(r.int(100, 400_000)), 200),
};

const markupResidue: Mutation = {
  name: "markup residue",
  apply: (bytes, r) => splice(bytes, r, r.pick(["<p>", "</p>", "<ul style=\"list-style-type: none\">", "<li>", "&nbsp;", "<table><tr><td>", "<br/>", "--\t---"]).repeat(r.int(1, 5000)), 100),
};

const hugeCell: Mutation = {
  name: "huge cell",
  apply: (bytes, r) => splice(bytes, r, r.pick(["Red ", "x", "72.7% ", "\u00a0"]).repeat(r.int(10_000, 300_000)), 20),
};

const repeatedUpdates: Mutation = {
  name: "update repeated",
  apply: (bytes, r) => Buffer.concat(Array.from({ length: r.int(2, 8) }, () => bytes)),
};

fuzz("text", {
  fixtures: ["fixtures/seeds/000_ebda395ebee889b1.txt", "fixtures/seeds/001_6f959b4cb1bc6ca1.txt"],
  mutations: [byteFlips, truncation, rangeEdits, lineEnds, reencoded, tabStorm, markupResidue, hugeCell, repeatedUpdates],
  quickRuns: 30,
});
