import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { francAll } from 'franc-min';
import { describe, expect, it } from 'vitest';
import { rankLatin } from '../engine/latin-trigrams';

const FIXTURES = join(__dirname, 'fixtures/langid');
const ONLY = ['eng', 'fra', 'deu', 'spa', 'por', 'ita', 'nld', 'pol', 'tur', 'vie', 'ind', 'ron', 'swe', 'ces', 'hun'];

function texts(): string[] {
  const out: string[] = [];
  for (const dir of readdirSync(FIXTURES, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const file of readdirSync(join(FIXTURES, dir.name)).filter((name) => name.endsWith('.txt'))) {
      out.push(...readFileSync(join(FIXTURES, dir.name, file), 'utf8').split('\n').filter((line) => line.trim() !== ''));
    }
  }
  return out;
}

describe('rankLatin', () => {
  // The engine's ranking stands in for franc's on Latin text: it must give franc's scores exactly,
  // for whole sentences, for the few letters of a label, and for text in other scripts.
  it('equals francAll with the same languages on every labelled text, whole and cut short', () => {
    const all = texts();
    expect(all.length).toBeGreaterThan(1000);
    const differing: string[] = [];
    for (const text of all) {
      for (const sample of [text, text.slice(0, 7), text.slice(0, 30)]) {
        if (JSON.stringify(rankLatin(sample, ONLY)) !== JSON.stringify(francAll(sample, { only: ONLY, minLength: 1 }))) {
          differing.push(sample);
        }
      }
    }
    expect(differing).toEqual([]);
  });
});
