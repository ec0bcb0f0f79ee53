import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Whole-corpus and worst-case runs take tens of seconds; the unit project stays at seconds so that
// it can run on every change. `npm test` runs both.
const stress = ['test/adversarial.test.ts', 'test/property.test.ts', 'test/restore-property.test.ts', 'test/contract.test.ts', 'test/real-pages.test.ts', 'test/cost.test.ts', 'test/real-pages-blocks.test.ts'];

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    // A guard against a test that hangs, not a bound on speed: unit tests assert behaviour only, and
    // a loaded machine may run one many times slower. Time is measured in the stress tier.
    testTimeout: 300_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.{ts,tsx}'], exclude: ['test/e2e/**', ...stress] } },
      // One file at a time: the stress tier measures time, and two files timing at once on a 2-core
      // machine measure each other.
      { extends: true, test: { name: 'stress', include: stress, fileParallelism: false } },
    ],
  },
});
