/**
 * The convert workers' stop point (src/read/zip.ts setInflateGate, src/batch/worker.ts): the
 * gate runs before every zlib handle is made, for a part inflated whole and for one streamed, so
 * that a worker told to stop waits there and is never terminated inside zlib's making of one.
 */
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { zipSync } from "fflate";
import { openZip, setInflateGate } from "../src/read/zip.js";

const CAP = 64 * 1024 * 1024;

afterEach(() => setInflateGate(undefined));

describe("the inflate gate", () => {
  it("runs before each part of a real .docx is inflated", () => {
    let calls = 0;
    setInflateGate(() => calls++);
    const zip = openZip(readFileSync("fixtures/docx/q2-2008-09.docx"), CAP);
    zip.read("word/document.xml");
    zip.read("[Content_Types].xml");
    expect(calls).toBe(2);
    // A part read once is kept: no second inflate, no second call.
    zip.read("word/document.xml");
    expect(calls).toBe(2);
  });

  it("runs before a large part is streamed, and a gate that throws stops the read before zlib", async () => {
    const big = new Uint8Array(3 * 1024 * 1024).fill(65);
    const zip = openZip(zipSync({ "big.xml": big }, { level: 6 }), CAP);
    let calls = 0;
    setInflateGate(() => calls++);
    let size = 0;
    await zip.stream("big.xml", (piece) => (size += piece.length));
    expect(calls).toBe(1);
    expect(size).toBe(big.length);

    const again = openZip(zipSync({ "big.xml": big }, { level: 6 }), CAP);
    setInflateGate(() => {
      throw new Error("stopped at the gate");
    });
    await expect(again.stream("big.xml", () => undefined)).rejects.toThrow("stopped at the gate");
  });
});
