import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { CYCLE_SHORTCUT } from './utils/shortcut';

/**
 * What differs between the Chrome (MV3) and the Firefox (MV2) builds is decided here, in the
 * manifest; what differs at run time is in utils/platform.ts.
 */

/** Firefox's add-on id. AMO keys the listing by it, and it can never change once published. */
const GECKO_ID = 'newslens@example.org';

const EXTENSION_PAGES_CSP = "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

/**
 * Preact's core keeps `dangerouslySetInnerHTML` support: one `innerHTML` assignment that
 * addons.mozilla.org's linter flags (UNSAFE_VAR_ASSIGNMENT) in every bundle Preact is in, the
 * popup's and the content script's. NewsLens never renders raw HTML (biome's
 * noDangerouslySetInnerHtml is an error), so the assignment is taken out of the bundle: a render
 * that asks for raw HTML throws instead of writing markup. The build fails if Preact's code no
 * longer has the assignment exactly once, rather than patch something else.
 */
export function preactWithoutRawHtml(): Plugin {
  const preactCore = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/;
  const assignment = /\b[\w$]+\.innerHTML=[\w$]+\.__html\b/g;
  return {
    name: 'newslens:preact-without-raw-html',
    transform(code, id) {
      if (!preactCore.test(id.split('?')[0] ?? id)) return null;
      const found = code.match(assignment)?.length ?? 0;
      if (found !== 1) this.error(`expected one innerHTML assignment in ${id}, found ${found}: check this plugin against the new Preact`);
      return { code: code.replace(assignment, '(()=>{throw new Error("NewsLens renders no raw HTML")})()'), map: null };
    },
  };
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser, manifestVersion }) => ({
    // Names and descriptions come from public/_locales (en, zh_CN); a browser refuses to load an
    // extension that has locales and no default one.
    default_locale: 'en',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    // storage: settings and per-site modes; activeTab: the popup and the shortcut act on the shown tab.
    permissions: ['storage', 'activeTab'],
    // The extension's own pages run only their own bundled scripts: no inline or remote script, no
    // eval, no plugins, and no <base> or form that points elsewhere.
    content_security_policy:
      manifestVersion === 2 ? EXTENSION_PAGES_CSP : { extension_pages: EXTENSION_PAGES_CSP },
    commands: {
      'cycle-mode': {
        suggested_key: { default: CYCLE_SHORTCUT },
        description: '__MSG_cmdCycleMode__',
      },
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: GECKO_ID,
          // 140 (an ESR) is the first Firefox that reads data_collection_permissions, which AMO
          // requires of new add-ons. The code itself needs less: Vite lowers syntax for Firefox 114,
          // and the newest API used is constructable style sheets (101, with a <style> fallback).
          strict_min_version: '140.0',
          // NewsLens collects nothing and sends nothing anywhere.
          data_collection_permissions: { required: ['none'] },
        },
        // Firefox for Android reads data_collection_permissions from 142 on.
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
  // Both set after WXT has added the entrypoints, which would overwrite them in the manifest above.
  hooks: {
    // The content script's bundle defines no global variable, as with WXT 0.21 (0.20 names it
    // `content` by default): nothing reads it.
    'entrypoints:resolved': (_wxt, entrypoints) => {
      for (const entrypoint of entrypoints) if (entrypoint.type === 'content-script') entrypoint.options.globalName = false;
    },
    'build:manifestGenerated': (wxt, manifest) => {
      // Chrome stops the MV3 service worker when idle; Firefox's MV2 background gets the same
      // life as an event page (Firefox 106+), so that no code comes to rely on a background that
      // stays alive in one browser only.
      if (wxt.config.manifestVersion === 2 && manifest.background && 'scripts' in manifest.background) {
        manifest.background.persistent = false;
      }
      // WXT takes the toolbar button's tooltip from popup.html's <title>, in one language only.
      const action = manifest.action ?? manifest.browser_action;
      if (action) action.default_title = '__MSG_actionTitle__';
    },
  },
  vite: () => ({ plugins: [preact(), preactWithoutRawHtml()] }),
  zip: {
    // The sources archive is for AMO's reviewers, who rebuild the Firefox package from it with
    // `npm ci && npm run build:firefox` (README): what that build reads, and nothing else. The
    // Han tables in engine/data come from scripts/gen-han-tables.mjs, so it goes along. WXT 0.20
    // zips every file not excluded, and a file it includes wins over one it excludes: so everything
    // is excluded and only these are included.
    excludeSources: ['**'],
    includeSources: [
      'README.md',
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'wxt.config.ts',
      'components/**',
      'entrypoints/**',
      'public/**',
      'engine/**',
      'utils/**',
      'docs/**',
      'scripts/gen-han-tables.mjs',
    ],
  },
});
