import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    // Names and descriptions come from public/_locales (en, zh_CN); a browser refuses to load an
    // extension that has locales and no default one.
    default_locale: 'en',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    // storage: settings and per-site modes; activeTab: the popup and the shortcut act on the shown tab.
    permissions: ['storage', 'activeTab'],
    commands: {
      'cycle-mode': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: '__MSG_cmdCycleMode__',
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
