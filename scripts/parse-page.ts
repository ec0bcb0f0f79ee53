/**
 * How the command-line tools turn saved HTML into a Document: one place, so that the CLI, the
 * bench and the evaluation read the same tree, and the same tree a browser builds.
 *
 * linkedom alone builds what the markup literally says: a fragment without <html>/<body>, or a
 * stray element before <html>, leaves `document.body` empty, where a browser moves everything
 * into a body. parse5 follows the HTML standard's tree construction (as jsdom does); its
 * serialisation of that tree is a complete, well-formed document that linkedom then reads as is.
 */
import { parseHTML } from 'linkedom';
import { parse, serialize } from 'parse5';

export function parsePage(html: string): Document {
  return parseHTML(serialize(parse(html))).document as unknown as Document;
}
