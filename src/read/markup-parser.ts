/** The one class of htmlparser2 that markup-tree.ts needs, as its own module: what a bundle loads lazily for it. */
export { Parser } from "htmlparser2";
