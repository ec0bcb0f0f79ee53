import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'NewsLens',
    // public/_locales holds the UI text; a browser refuses to load an extension with locales and no default.
    default_locale: 'en',
    description: 'Makes AI-generated bilingual news pages readable: pairs translations, collapses duplicates, flags AI disclosures.',
    // storage: settings and per-site modes; activeTab: the popup and the shortcut act on the shown tab.
    permissions: ['storage', 'activeTab'],
    action: { default_title: 'NewsLens' },
    commands: {
      'cycle-mode': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Switch the language shown: one language, the other, both',
      },
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'newslens@example.org',
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
  vite: () => ({ plugins: [preact()] }),
  zip: { excludeSources: ['test/e2e/**'] },
});
