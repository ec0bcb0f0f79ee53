// @vitest-environment node
/**
 * Saved pages' bytes decoded as a browser decodes them (scripts/decode-page.ts): by the declared
 * charset, ignoring a label no browser knows, and an undeclared page that is not UTF-8 as
 * Windows-1252 (old English pages of test/corpus/extraction were saved that way).
 */
import { describe, expect, it } from 'vitest';
import { decodePage } from '../scripts/decode-page';

const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodePage', () => {
  it('follows a declared legacy charset', () => {
    expect(decodePage(latin1('<meta charset="iso-8859-1"><p>caf\xe9</p>'))).toContain('café');
  });

  it('ignores a label a browser does not know instead of throwing ("iso8859_1")', () => {
    expect(decodePage(utf8('<meta http-equiv="Content-Type" content="text/html; charset=iso8859_1"><p>café</p>'))).toContain('café');
    expect(decodePage(latin1('<meta charset="iso8859_1"><p>don\x92t</p>'))).toContain('don’t');
  });

  it('reads an undeclared page as UTF-8 where its bytes are UTF-8, else as Windows-1252', () => {
    expect(decodePage(utf8('<p>“Quote” – café</p>'))).toBe('<p>“Quote” – café</p>');
    expect(decodePage(latin1('<p>\x93Quote\x94 \x96 caf\xe9</p>'))).toBe('<p>“Quote” – café</p>');
  });

  it('keeps a declared UTF-8 page UTF-8, as a browser does, even with a stray byte', () => {
    expect(decodePage(latin1('<meta charset="utf-8"><p>caf\xe9</p>'))).toContain('caf\ufffd');
  });
});
