import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The 62 real saved pages of test/corpus/real-pages (its README says where they come from). */
export const REAL_PAGES = join(import.meta.dirname, 'corpus', 'real-pages');
const PAGES = 62;

/**
 * The corpus's page names, sorted. Throws when the corpus is missing or incomplete, so that a test
 * reading it fails instead of passing over nothing.
 */
export function realPageNames(): string[] {
  if (!existsSync(REAL_PAGES)) throw new Error(`the real-pages corpus is missing at ${REAL_PAGES}`);
  const names = readdirSync(REAL_PAGES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const incomplete = names.filter((name) => !['source.html', 'expected.html'].every((file) => existsSync(join(REAL_PAGES, name, file))));
  if (names.length !== PAGES || incomplete.length > 0) {
    throw new Error(`the real-pages corpus at ${REAL_PAGES} has ${names.length} pages, not ${PAGES}; incomplete: ${incomplete.join(', ') || 'none'}`);
  }
  return names;
}

/** A page of the corpus as saved (`source.html`) or as Readability extracts it (`expected.html`). */
export function realPage(name: string, file: 'source.html' | 'expected.html' = 'source.html'): string {
  return readFileSync(join(REAL_PAGES, name, file), 'utf8');
}
