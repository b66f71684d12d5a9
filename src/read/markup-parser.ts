/** The one function of htmlparser2 that markup.ts needs, as its own module: what a bundle loads lazily for it. */
export { parseDocument } from "htmlparser2";
