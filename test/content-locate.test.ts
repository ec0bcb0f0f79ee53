import { describe, expect, it } from 'vitest';
import { locateParts } from '../entrypoints/content/locate';
import { visibleText } from '../engine/text';

describe('locateParts', () => {
  it('finds a ruby line by its base text, as the engine reads it', () => {
    // A lyrics line and its translation from test/fixtures/real-lyrics-ruby-list-ja-zh, in one element.
    const host = document.createElement('p');
    host.innerHTML = '<span><ruby><rb>何</rb><rt>なに</rt></ruby>も<ruby><rb>持</rb><rt>も</rt></ruby>たずに</span><br><span>一无所有的我</span>';
    expect(visibleText(host)).toBe('何も持たずに 一无所有的我');
    const places = locateParts(host, ['何も持たずに', '一无所有的我']);
    expect(places).not.toBeNull();
    const [ja, zh] = places ?? [];
    expect(ja?.elements.map((el) => el.textContent)).toEqual(['何なにも持もたずに']);
    expect(zh?.elements.map((el) => el.textContent)).toEqual(['一无所有的我']);
  });
});
