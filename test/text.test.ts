import { describe, expect, it } from 'vitest';
import { foldSpace, isHidden, visibleText } from '../engine/text';

function el(html: string): Element {
  const host = document.createElement('div');
  host.innerHTML = html;
  return host;
}

describe('foldSpace', () => {
  it('folds runs of white space, NBSP and line breaks', () => {
    expect(foldSpace('  a \u00a0\n b\t\tc ')).toBe('a b c');
  });
});

describe('visibleText', () => {
  it('separates block children and <br> but joins inline runs', () => {
    expect(visibleText(el('<p>one</p><p>two<br>three</p><span>fo</span><b>ur</b>'))).toBe('one two three four');
    expect(visibleText(el('<ul><li>a</li><li>b</li></ul><table><tr><td>c</td><td>d</td></tr></table>'))).toBe('a b c d');
  });

  it('skips non-rendered and hidden content', () => {
    const html =
      '<p>keep</p><script>var x = 1;</script><style>p{}</style><noscript>no</noscript><template><p>t</p></template>' +
      '<svg><text>svg</text></svg><p hidden>h</p><p aria-hidden="true">a</p><p style="display: none">d</p>' +
      '<p style="VISIBILITY:hidden">v</p><div data-newslens-ui><p>ui</p></div><p aria-hidden="false">shown</p>';
    expect(visibleText(el(html))).toBe('keep shown');
  });

  it('reads a ruby line as its base text, without furigana or their parentheses', () => {
    // A lyrics line from test/fixtures/real-lyrics-ruby-list-ja-zh (RADWIMPS, with readings).
    const line = el('<ruby><rb>何</rb><rt>なに</rt></ruby>も<ruby><rb>持</rb><rp>(</rp><rt>も</rt><rp>)</rp></ruby>たずに<ruby>生<rt>う</rt></ruby>まれ');
    expect(visibleText(line)).toBe('何も持たずに生まれ');
  });

  it('returns nothing for a hidden element itself', () => {
    const hidden = el('<p>x</p>');
    hidden.setAttribute('hidden', '');
    expect(visibleText(hidden)).toBe('');
    expect(isHidden(hidden)).toBe(true);
  });

  it('handles 5,000 levels of nesting without recursion', () => {
    const root = document.createElement('div');
    let cur: Element = root;
    for (let i = 0; i < 5000; i++) {
      const child = document.createElement(i % 2 === 0 ? 'div' : 'span');
      cur.appendChild(child);
      cur = child;
    }
    cur.textContent = 'deep';
    root.appendChild(document.createTextNode(' tail'));
    expect(visibleText(root)).toBe('deep tail');
  });

  // Time per size is measured in the stress tier (visibleText in test/adversarial.test.ts).
  it('reads long pages', () => {
    const root = el(Array.from({ length: 10000 }, (_, i) => `<p>Paragraph ${i} <em>with</em> text.</p>`).join(''));
    const text = visibleText(root);
    expect(text.startsWith('Paragraph 0 with text. Paragraph 1 with text.')).toBe(true);
  });
});
