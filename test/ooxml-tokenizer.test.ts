/**
 * The .docx reader's XML tokenizer (src/read/ooxml/tokenizer.ts): it reads tags by hand, so it
 * must accept exactly the tags of its grammar, which is written down here as a regex, and read the
 * same whether a tag or text falls inside one of the pieces it scans or across their edges.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { XmlTokenizer, type Tag } from "../src/read/ooxml/tokenizer.js";
import { checkProperty } from "./helpers/fast-check.js";

/** The grammar of a start or end tag: a name, then attributes each after a space, then an optional '/'. */
const TAG = /<\/?[A-Za-z_][\w.:-]*(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*\/?>/y;

type Event = { open: string; attributes: string; selfClosing: boolean } | { close: string } | { text: string };

/** What the tokenizer hands on for `xml` written in chunks cut at `cuts`, and the message it refuses it with, if it does. */
function tokenise(xml: string, cuts: number[] = []): { events: Event[]; refusal?: string } {
  const events: Event[] = [];
  const tokenizer = new XmlTokenizer(
    {
      open: (name: string, tag: Tag, selfClosing: boolean) => events.push({ open: name, attributes: tag.attributes(), selfClosing }),
      close: (name: string) => events.push({ close: name }),
      text: (raw: string) => {
        const last = events.at(-1);
        if (last && "text" in last) last.text += raw;
        else events.push({ text: raw });
      },
      wantsText: true,
    },
    "word/document.xml",
  );
  const bytes = Buffer.from(xml, "latin1");
  try {
    let from = 0;
    for (const cut of [...cuts.filter((at) => at < bytes.length).sort((a, b) => a - b), bytes.length]) {
      tokenizer.write(bytes.subarray(from, cut));
      from = cut;
    }
    tokenizer.end();
  } catch (error) {
    return { events, refusal: (error as Error).message };
  }
  return { events };
}

describe("the tokenizer's tags", () => {
  it("accepts a tag exactly when its grammar does, with the same name and attribute text", async () => {
    // Characters that make and break tags: spaces the grammar counts as such (no-break space
    // included, U+0085 not), quotes, '=', '/', '>', '<', name characters and others.
    const unit = fc.constantFrom("<", ">", "/", "=", '"', "'", " ", "\t", "\n", "\r", "\u000b", "\u000c", "\u00a0", "\u0085", "a", "w", ":", "_", "-", ".", "1", "\u00e9", "x");
    const start = fc.constantFrom("<", "</", "<w:t", "<w:t ", '<w:t a="1"', "<w:p/");
    await checkProperty(
      fc.property(start, fc.string({ unit, maxLength: 16 }), (head, tail) => {
        const tag = head + tail;
        TAG.lastIndex = 0;
        const end = TAG.test(tag) ? TAG.lastIndex : -1;
        const { events, refusal } = tokenise(tag);
        if (end < 0) {
          // Not a tag by the grammar: refused, nothing handed on.
          expect(events).toEqual([]);
          expect(refusal).toMatch(/^damaged Word document: word\/document.xml is not well-formed XML \(near byte 1\)$/);
          return;
        }
        const first = events[0];
        const whole = tag.slice(0, end);
        const name = /^<\/?([A-Za-z_][\w.:-]*)/.exec(whole)![1]!;
        if (whole.startsWith("</")) expect(first).toEqual({ close: name });
        else {
          const selfClosing = whole.endsWith("/>");
          expect(first).toEqual({ open: name, attributes: whole.slice(1 + name.length, selfClosing ? -2 : -1), selfClosing });
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("reads the same whichever bytes the chunks are cut at", async () => {
    const xml = '<w:document a="1"><w:p w:x="&amp;é"><w:t xml:space="preserve"> Amber\u00e9 &lt;x&gt; </w:t><!-- note --><w:br/></w:p><?pi x?><w:t><![CDATA[a<b]]></w:t></w:document>';
    const whole = tokenise(xml);
    expect(whole.refusal).toBeUndefined();
    await checkProperty(
      fc.property(fc.array(fc.integer({ min: 0, max: xml.length }), { maxLength: 6 }), (cuts) => {
        expect(tokenise(xml, cuts)).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it("reads tags and texts longer than the pieces it scans (64 KB), and those across their edges", () => {
    const attribute = "v".repeat(150_000);
    const text = "long ".repeat(40_000);
    const padding = "<w:bookmarkEnd/>".repeat(4_500); // ~72 KB: the next tags straddle a piece's edge
    const xml = `<w:document><w:p w:x="${attribute}">${padding}<w:t>${text}</w:t></w:p></w:document>`;
    const { events, refusal } = tokenise(xml);
    expect(refusal).toBeUndefined();
    expect(events[1]).toEqual({ open: "w:p", attributes: ` w:x="${attribute}"`, selfClosing: false });
    expect(events.filter((event) => "open" in event && event.open === "w:bookmarkEnd")).toHaveLength(4_500);
    expect(events).toContainEqual({ text });
    expect(events.at(-1)).toEqual({ close: "w:document" });
  });

  it("names where broken markup is, past the first piece", () => {
    const xml = `<w:document>${"<w:p></w:p>".repeat(10_000)}<w:p <w:r></w:document>`;
    expect(tokenise(xml).refusal).toBe(`damaged Word document: word/document.xml is not well-formed XML (near byte ${xml.indexOf("<w:p <") + 1})`);
  });
});
