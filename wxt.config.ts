import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'NewsLens',
    description: 'Makes AI-generated bilingual news pages readable: pairs translations, collapses duplicates, flags AI disclosures.',
    permissions: ['storage', 'activeTab'],
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
