/**
 * How the command-line tools turn saved HTML into a Document: one place, so that the CLI, the
 * bench and the evaluation read the same tree.
 */
import { parseHTML } from 'linkedom';

export function parsePage(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}
