import { existsSync } from 'node:fs';
import { defineWebExtConfig } from 'wxt';

/**
 * How `npm run dev` / `npm run dev:firefox` start a browser with the extension loaded. Only for
 * development: the builds, the zips and the tests never read it (WXT leaves it out of the
 * sources archive too).
 *
 * Debian's browsers when installed (CHROMIUM_PATH / FIREFOX_PATH as in the end-to-end tests),
 * headless when there is no display, and without Chromium's sandbox when run as root, where
 * Chromium refuses to start with it.
 */

const binary = (variable: string, debian: string): string | undefined => process.env[variable] ?? (existsSync(debian) ? debian : undefined);
const chrome = binary('CHROMIUM_PATH', '/usr/bin/chromium');
const firefox = binary('FIREFOX_PATH', '/usr/bin/firefox-esr');
const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const root = process.getuid?.() === 0;

export default defineWebExtConfig({
  binaries: { ...(chrome && { chrome }), ...(firefox && { firefox }) },
  chromiumArgs: [
    ...(root ? ['--no-sandbox'] : []),
    ...(headless ? ['--headless=new', '--disable-gpu'] : []),
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
  firefoxArgs: headless ? ['--headless'] : [],
});
