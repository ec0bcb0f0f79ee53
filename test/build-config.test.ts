import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { preactWithoutRawHtml } from '../wxt.config';

/**
 * The build plugin that takes Preact's innerHTML assignment out of the bundles (web-ext lint's
 * UNSAFE_VAR_ASSIGNMENT), run on the Preact this project installs.
 */

const preactFile = join(createRequire(import.meta.url).resolve('preact/package.json'), '../dist/preact.mjs');
const preactCode = readFileSync(preactFile, 'utf8');

/** The plugin's transform hook, with Rollup's `this.error` (which throws). */
function transform(code: string, id: string): { code: string } | null {
  const hook = preactWithoutRawHtml().transform as unknown as (this: unknown, code: string, id: string) => { code: string } | null;
  const context = {
    error: (message: string) => {
      throw new Error(message);
    },
  };
  return hook.call(context, code, id);
}

// Inside the project: the test runner imports modules from under its root only.
const cache = join(import.meta.dirname, '../node_modules/.cache');
mkdirSync(cache, { recursive: true });
const dir = mkdtempSync(join(cache, 'newslens-preact-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('preactWithoutRawHtml', () => {
  it('removes the one innerHTML assignment from Preact and leaves other modules alone', () => {
    expect(preactCode.match(/\.innerHTML=/g)).toHaveLength(1);
    const patched = transform(preactCode, preactFile);
    expect(patched?.code).not.toMatch(/\.innerHTML=/);
    expect(transform(preactCode, '/work/app/components/Tags.tsx')).toBeNull();
  });

  it('fails the build when Preact no longer looks as expected', () => {
    expect(() => transform('export const x = 1;', preactFile)).toThrow(/expected one innerHTML assignment/);
  });

  it('gives a Preact that renders as before and refuses raw HTML', async () => {
    const file = join(dir, 'preact.mjs');
    writeFileSync(file, transform(preactCode, preactFile)?.code ?? '');
    const { h, render } = await import(/* @vite-ignore */ pathToFileURL(file).href);
    const root = document.createElement('div');
    render(h('p', { class: 'x' }, 'text <b>'), root);
    expect(root.innerHTML).toBe('<p class="x">text &lt;b&gt;</p>');
    expect(() => render(h('div', { dangerouslySetInnerHTML: { __html: '<b>raw</b>' } }), root)).toThrow(/renders no raw HTML/);
    expect(root.querySelector('b')).toBeNull();
  });
});
