import { browser } from 'wxt/browser';

/**
 * Where Chrome and Firefox differ, in one place.
 *
 * The builds differ in their manifests, all set in wxt.config.ts: Chrome gets MV3 with a service
 * worker, Firefox MV2 with an event page (MV2 because Firefox treats an MV3 add-on's hosts, its
 * content scripts' included, as optional permissions a user may withhold, while an MV2 add-on gets
 * them with the install), Firefox's add-on id, minimum version and data-collection declaration.
 *
 * At run time:
 * - the toolbar button is `action` in MV3 and `browserAction` in MV2 (`toolbarAction`);
 * - each browser keeps extensions out of its own store and account pages (`closedToExtensions`);
 * - the background may be stopped whenever it is idle, in both (service worker, event page), so it
 *   holds nothing it cannot get again from the tabs;
 * - settings live in `local` storage in both (utils/settings.ts): `sync` has small per-item quotas;
 * - the popup: both browsers cap it at 800 × 600 px; its width is the one `body.popup` rule in
 *   components/styles.css;
 * - the shortcut is the same suggested key; users change it at chrome://extensions/shortcuts or in
 *   Firefox's add-ons manager (Manage Extension Shortcuts).
 */

/** The toolbar button's API: `action` in Chrome's MV3 build, `browserAction` in Firefox's MV2 one. */
export function toolbarAction(): typeof browser.action {
  return browser.action ?? browser.browserAction;
}

/**
 * Hosts where a browser runs no extension content scripts: the stores (Chrome Web Store, Edge
 * Add-ons, addons.mozilla.org), and in Firefox the hosts of its `extensions.webextensions.
 * restrictedDomains` pref (accounts, sync, support), as Firefox ESR 153 ships it.
 */
export const CLOSED_HOSTS: readonly string[] = [
  'chromewebstore.google.com',
  'microsoftedge.microsoft.com',
  'accounts-static.cdn.mozilla.net',
  'accounts.firefox.com',
  'addons.cdn.mozilla.net',
  'addons.mozilla.org',
  'api.accounts.firefox.com',
  'content.cdn.mozilla.net',
  'discovery.addons.mozilla.org',
  'oauth.accounts.firefox.com',
  'profile.accounts.firefox.com',
  'support.mozilla.org',
  'sync.services.mozilla.com',
];

/** True for a page whose browser keeps extensions out of it, whatever the manifest asks. */
export function closedToExtensions(url: URL): boolean {
  if (CLOSED_HOSTS.includes(url.hostname)) return true;
  // The old Chrome Web Store address still serves the store under this path.
  return url.hostname === 'chrome.google.com' && url.pathname.startsWith('/webstore');
}
