import { describe, expect, it } from 'vitest';
import { closedToExtensions } from '../utils/platform';

describe('closedToExtensions', () => {
  it('knows the stores and account pages of both browsers', () => {
    for (const url of [
      'https://chromewebstore.google.com/detail/abc',
      'https://chrome.google.com/webstore/detail/abc',
      'https://microsoftedge.microsoft.com/addons/detail/abc',
      'https://addons.mozilla.org/en-US/firefox/addon/newslens/',
      'https://accounts.firefox.com/signin',
      'https://support.mozilla.org/kb/',
    ]) {
      expect(closedToExtensions(new URL(url)), url).toBe(true);
    }
  });

  it('leaves every other page open, neighbours of those hosts included', () => {
    for (const url of [
      'https://ainews.example/news/1',
      'http://127.0.0.1:8080/page.html',
      'https://chrome.google.com/search',
      'https://www.mozilla.org/firefox/',
      'https://fake-addons.mozilla.org.example/',
    ]) {
      expect(closedToExtensions(new URL(url)), url).toBe(false);
    }
  });
});
