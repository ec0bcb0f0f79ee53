import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { francAll } from 'franc-min';
import { describe, expect, it } from 'vitest';
import { CODES } from '../engine/data/latin-trigram-tables';
import { LATIN_LANGUAGES } from '../engine/latin-languages';
import { rankLatin } from '../engine/latin-trigrams';
import { latinTrigramTables, TABLES_FILE } from '../scripts/gen-latin-trigram-tables';

const FIXTURES = join(__dirname, 'fixtures/langid');
const ONLY = [...CODES];
const franc = (sample: string) => francAll(sample, { only: ONLY, minLength: 1 });

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
  it('equals francAll with the same languages on every labelled text, whole and cut short', { timeout: 30_000 }, () => {
    const all = texts();
    expect(all.length).toBeGreaterThan(1000);
    const differing: string[] = [];
    for (const text of all) {
      for (const sample of [text, text.slice(0, 7), text.slice(0, 30)]) {
        if (JSON.stringify(rankLatin(sample)) !== JSON.stringify(franc(sample))) {
          differing.push(sample);
        }
      }
    }
    expect(differing).toEqual([]);
  });

  // Text with as many other characters as Latin letters takes franc's script test: Latin may
  // still lead (typographic punctuation matches no script), or another script does.
  it('equals francAll where the Latin share is not certain', () => {
    const samples = [
      '“A” — ‘b’ … «c»',
      'Ça — “été” …',
      'AI 生成',
      'Привет, мир',
      'ok Привет',
      '— … —',
      'x',
    ];
    for (const sample of samples) expect(rankLatin(sample), sample).toEqual(franc(sample));
    expect(rankLatin('“A” — ‘b’ … «c»')[0]?.[0]).not.toBe('und');
    expect(rankLatin('Привет, мир')).toEqual([['und', 1]]);
  });

  it('reads the models of the languages the engine tells, as the generator writes them now', () => {
    expect([...CODES].sort()).toEqual(Object.keys(LATIN_LANGUAGES).sort());
    expect(readFileSync(TABLES_FILE, 'utf8')).toBe(latinTrigramTables());
  });
});
