// @vitest-environment node
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The folders say what runs where: `engine/` is pure (a Document or text in, plain data out) and
 * runs in the CLI, the background and tests alike; `utils/` holds browser-side helpers;
 * `components/` is the popup's, and the content script never loads it. biome.json enforces the
 * same at lint time; this test also reads the code itself, so that a rule dropped from the lint
 * configuration still fails here.
 */

const root = join(import.meta.dirname, '..');

function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return filesUnder(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const importsOf = (file: string): string[] =>
  [...readFileSync(join(root, file), 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');

const ENGINE_PACKAGES = /^franc-min(\/|$)/;

describe('folders say what runs where', () => {
  it('the engine imports only engine files and franc-min', () => {
    const files = filesUnder('engine');
    expect(files.length).toBeGreaterThan(15);
    const outside = files.flatMap((file) =>
      importsOf(file)
        .filter((spec) => !(ENGINE_PACKAGES.test(spec) || (spec.startsWith('./') && !spec.includes('..'))))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(outside).toEqual([]);
  });

  it('the engine names no browser global', () => {
    const globals = /\b(window|navigator|localStorage|sessionStorage|location)\s*\.|\b(chrome|browser)\.(runtime|tabs|storage|i18n|action|scripting)\b/;
    const found = filesUnder('engine')
      .filter((file) => !file.includes('/data/'))
      .flatMap((file) =>
        readFileSync(join(root, file), 'utf8')
          .split('\n')
          .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line) && globals.test(line))
          .map((line) => `${file}: ${line.trim()}`),
      );
    expect(found).toEqual([]);
  });

  it('one table of writing systems: no other file writes a CJK range', () => {
    const ranges = /0x3040|0xac00|0x30ff|[<>]=? ?0x4e00|\\u3040|\\u4e00|\\uac00|Script=(Han|Hangul|Hiragana|Katakana)/i;
    const files = [...filesUnder('engine'), ...filesUnder('entrypoints'), ...filesUnder('components'), ...filesUnder('utils')];
    const found = files
      .filter((file) => !file.includes('/data/') && file !== 'engine/writing-systems.ts')
      .filter((file) => ranges.test(readFileSync(join(root, file), 'utf8')));
    expect(found).toEqual([]);
    expect(ranges.test(readFileSync(join(root, 'engine/writing-systems.ts'), 'utf8'))).toBe(true);
  });

  it('the content script never imports the popup components', () => {
    const files = filesUnder('entrypoints/content');
    const wrong = files.flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.includes('components/'))
        .map((spec) => `${relative(root, join(root, file))} imports ${spec}`),
    );
    expect(wrong).toEqual([]);
  });

  it('the engine runs with no browser globals defined', async () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
    const { parseHTML } = await import('linkedom');
    const { analyzeDocument } = await import('../engine/analyze');
    const html = readFileSync(join(root, 'test/fixtures/seed/page.html'), 'utf8');
    const { report } = analyzeDocument(parseHTML(html).document as unknown as Document);
    expect(report.bilingual.detected).toBe(true);
    expect(report.disclosures.length).toBeGreaterThan(0);
    // Loading the engine cold takes seconds on a busy machine; the bound is vitest's, not ours.
  }, 60_000);
});
