/**
 * Damaged and old .doc files, made from a real one (fixtures/doc/q4-2008-09.doc) by changing a
 * few bytes where MS-CFB and MS-DOC put the structures: each is refused in one plain line that
 * says what is wrong, never a JavaScript error's text; stream names in another case are read.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InputError } from "../src/errors.js";
import { readDocument } from "../src/read/index.js";
import { oleMap, renameEntries, streamOffset } from "./helpers/ole.js";

const original = readFileSync("fixtures/doc/q4-2008-09.doc");

/** A copy of the fixture with `change` applied. */
function damage(change: (bytes: Buffer) => void): Buffer {
  const copy = Buffer.from(original);
  change(copy);
  return copy;
}

const streamByte = streamOffset;

async function refusal(bytes: Uint8Array): Promise<InputError> {
  const error = await readDocument(bytes).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

const DAMAGED = /^damaged Word 97-2003 file: [a-z0-9 ,()]+$/i;

describe("a damaged .doc is refused in one plain line", () => {
  it("a sector chain that loops (two sectors pointing at each other, which word-extractor follows forever)", async () => {
    const bytes = damage((copy) => {
      const map = oleMap(copy);
      const chain = map.chain(copy.readUInt32LE(map.directoryEntry(map.entryIndex("WordDocument")) + 116));
      copy.writeUInt32LE(chain[0]!, map.fatEntry(chain[1]!));
    });
    const error = await refusal(bytes);
    expect(error.message).toBe("damaged Word 97-2003 file: a sector chain loops back on itself");
    expect(error.code).toBe("corrupt");
  });

  it("a directory whose siblings loop", async () => {
    const bytes = damage((copy) => {
      const map = oleMap(copy);
      const entry = map.directoryEntry(map.entryIndex("WordDocument"));
      copy.writeUInt32LE(map.entryIndex("\x01CompObj"), entry + 72); // right sibling: back to the top of the tree
    });
    expect((await refusal(bytes)).message).toBe("damaged Word 97-2003 file: its directory loops back on itself");
  });

  it("a directory entry pointing past the directory", async () => {
    const bytes = damage((copy) => copy.writeUInt32LE(5000, oleMap(copy).directoryEntry(0) + 76));
    expect((await refusal(bytes)).message).toBe("damaged Word 97-2003 file: its directory points outside itself");
  });

  it("a FAT entry pointing past the end of the file", async () => {
    const bytes = damage((copy) => {
      const map = oleMap(copy);
      const chain = map.chain(copy.readUInt32LE(map.directoryEntry(map.entryIndex("WordDocument")) + 116));
      copy.writeUInt32LE(900_000, map.fatEntry(chain[3]!));
    });
    expect((await refusal(bytes)).message).toBe("damaged Word 97-2003 file: a sector chain points outside the file");
  });

  it("a piece of text that lies past the end of the WordDocument stream", async () => {
    const bytes = damage((copy) => {
      const fib = (offset: number) => streamByte(copy, "WordDocument", offset);
      const fcClx = copy.readUInt32LE(fib(0x1a2));
      // The Clx here is one Pcdt: 0x02, its size, then CPs and piece descriptors (fc at +2 of each).
      const table = (offset: number) => streamByte(copy, "1Table", offset);
      expect(copy[table(fcClx)]).toBe(0x02);
      const pieces = (copy.readUInt32LE(table(fcClx + 1)) - 4) / 12;
      copy.writeUInt32LE(0x3fff0000, table(fcClx + 5 + (pieces + 1) * 4 + 2));
    });
    expect((await refusal(bytes)).message).toBe("damaged Word 97-2003 file: its text points past the end of the file");
  });

  it("a piece table placed outside the table stream", async () => {
    const bytes = damage((copy) => copy.writeUInt32LE(0x7fff0000, streamByte(copy, "WordDocument", 0x1a2)));
    expect((await refusal(bytes)).message).toBe("damaged Word 97-2003 file: its piece table lies outside the file");
  });

  it("a file cut short: its directory (at the end) is lost, so it can only be called a damaged Office file", async () => {
    const error = await refusal(original.subarray(0, 60_000));
    expect(error.message).toBe("damaged Office 97-2003 file: a sector number points outside the file");
    expect(error.code).toBe("corrupt");
  });

  it("a file cut short after its directory: the Word streams are named, and the reason is plain", async () => {
    const map = oleMap(original);
    const directoryEnd = map.directoryEntry(map.entryCount - 1) + 128;
    const error = await refusal(Buffer.concat([original.subarray(0, 40_000), Buffer.alloc(directoryEnd - 40_000 - 512 * 4), original.subarray(directoryEnd - 512 * 4, directoryEnd)]));
    expect(error.message).toMatch(DAMAGED);
  });
});

describe("older Word versions are named, with what to do", () => {
  it("a Word 6.0/95 file (nFib below Word 97's)", async () => {
    const bytes = damage((copy) => copy.writeUInt16LE(104, streamByte(copy, "WordDocument", 2)));
    const error = await refusal(bytes);
    expect(error.message).toBe("a Word 6.0/95 document, which this tool cannot read: open it in Word or LibreOffice and save it as .docx");
    expect(error.code).toBe("unsupported");
  });

  it("a Word for Windows 2.0 file (no OLE2 container: its header starts the file)", async () => {
    const bytes = Buffer.concat([Buffer.from([0xdb, 0xa5, 0x2d, 0x00, 0x31, 0x40, 0x09, 0x04]), Buffer.alloc(1024)]);
    expect((await refusal(bytes)).message).toBe("a Word for Windows 2.0 document, which this tool cannot read: open it in Word or LibreOffice and save it as .docx");
  });
});

describe("stream names are matched regardless of case", () => {
  it.each([
    ["lower", (name: string) => name.toLowerCase()],
    ["upper", (name: string) => name.toUpperCase()],
  ])("a .doc whose streams are named in %s case reads like the original", async (_, rename) => {
    const expected = await readDocument(original);
    const renamed = await readDocument(renameEntries(original, rename));
    expect(renamed.format).toBe("doc");
    expect(renamed.blocks).toEqual(expected.blocks);
    expect(expected.blocks.some((block) => block.kind === "table")).toBe(true);
  });
});
