import { describe, expect, it } from 'vitest';
import { analyzeBilingual, type BilingualUnit } from '../engine/bilingual';
import { shortLineKind } from '../engine/short-lines';
import docs from './fixtures/align/ntrex-docs.json';

// Lines as published on real pages: a Chinese digest of English articles ("原文标题：", "来源：",
// the article's address), a reading list's "原文链接:" and its bare URL, news datelines.
describe('shortLineKind', () => {
  it('reads labels waiting for their value', () => {
    for (const line of ['原文标题：', '原文链接:', 'Original title:', '来源：', 'Share:']) expect(shortLineKind(line), line).toBe('label');
  });

  it('reads bare addresses and links whose text is their URL', () => {
    for (const line of ['https://towardsdatascience.com/data-science-skills-web-scraping-using-python-d1a85ef607ed', 'herbsutter.com', 'www.reuters.com/article/world', 'matklad.github.io/2026/02/25/against-query-based-compilers.html']) {
      expect(shortLineKind(line), line).toBe('address');
    }
  });

  it('reads datelines: a date or time and nothing else', () => {
    for (const line of ['2018年10月1日 12:30', 'October 1, 2018', '2018-10-01', '2026/03/29', '12:30']) expect(shortLineKind(line), line).toBe('dateline');
  });

  it('reads code in running text: file names, include directives, decorators, directives', () => {
    // Lines and halves of a Russian FastAPI tutorial (test/fixtures/real-control-fastapi-first-steps-ru).
    for (const line of ['{* ../../docs_src/first_steps/tutorial001_py310.py *}', 'main.py.', '/// tip', '/// note', '@decorator', '@app.get("/")).']) {
      expect(shortLineKind(line), line).toBe('code');
    }
  });

  it('leaves words with a slash or in brackets alone', () => {
    // Cells of a Spanish-English glossary (test/fixtures/real-dc2005-glossary-es-en) and a docs table.
    for (const line of ['Hello/Hi', 'Waiter/waitress', 'Compression Configuration (English)', 'GPT-4o', 'U.S. News']) expect(shortLineKind(line), line).toBeNull();
  });

  it('leaves text alone: sentences, headlines, a label with its value, figures with words', () => {
    for (const line of ['Updated 1h ago', '更新于 1小时前', 'Hot: 92', '原文标题：C++26 is done!', 'Note: the figures are in euros.', '18 states, D.C. support challenge to new asylum policy', 'Google.com is a search engine', '3.5']) {
      expect(shortLineKind(line), line).toBeNull();
    }
  });
});

function unit(id: number, block: number, part: number, lang: string, text: string, role: BilingualUnit['role'] = 'paragraph'): BilingualUnit {
  return { id, block, part, lang, text, role, inArticle: true };
}

describe('analyzeBilingual and short lines', () => {
  const titles = (script: 'en' | 'zh-Hans') => docs.map((doc) => doc[script][0] ?? '');

  it('pairs no label with the title it introduces in one element', () => {
    const en = titles('en');
    const zh = titles('zh-Hans');
    const units: BilingualUnit[] = [];
    // A list of headlines, each followed by its translation; one item is "原文标题：" + an English title (the digest's "原文标题：Gemma 4 on iPhone").
    en.slice(0, 4).forEach((title, i) => {
      units.push(unit(units.length, i * 2, 0, 'en', title, 'list-item'));
      units.push(unit(units.length, i * 2 + 1, 0, 'zh-Hans', zh[i] ?? '', 'list-item'));
    });
    units.push(unit(units.length, 20, 0, 'zh-Hans', '原文标题：'));
    units.push(unit(units.length, 20, 1, 'en', 'Gemma 4 on iPhone'));
    const result = analyzeBilingual(units);
    expect(result.pairs.length).toBe(4);
    expect(result.pairs.some((pair) => pair.a === units.length - 1 || pair.b === units.length - 2)).toBe(false);
  });

  it('pairs no address with the dateline beside it in a run of headlines and translations', () => {
    const en = titles('en');
    const zh = titles('zh-Hans');
    const units: BilingualUnit[] = [];
    en.slice(0, 3).forEach((title, i) => {
      units.push(unit(units.length, units.length, 0, 'en', title, 'list-item'));
      units.push(unit(units.length, units.length, 0, 'zh-Hans', zh[i] ?? '', 'list-item'));
    });
    const address = units.length;
    units.push(unit(address, address, 0, 'en', 'https://www.reuters.com/article/world', 'list-item'));
    units.push(unit(address + 1, address + 1, 0, 'zh-Hans', '2018年10月1日 12:30', 'list-item'));
    en.slice(3, 5).forEach((title, i) => {
      units.push(unit(units.length, units.length, 0, 'en', title, 'list-item'));
      units.push(unit(units.length, units.length, 0, 'zh-Hans', zh[i + 3] ?? '', 'list-item'));
    });
    const result = analyzeBilingual(units);
    expect(result.pairs.length).toBe(5);
    expect(result.pairs.some((pair) => pair.a === address || pair.b === address + 1)).toBe(false);
  });
});
