import { render } from 'preact';
import { browser } from 'wxt/browser';
import { browserLocale, LocaleProvider } from '../../components/locale';
import { PageApp } from '../../components/PageApp';
import { tabClient, tabIdFromSearch } from '../../components/page-client';
import '../../components/styles.css';

async function main() {
  const locale = browserLocale();
  document.documentElement.lang = locale.lang;
  const tabId = tabIdFromSearch(location.search) ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  const root = document.getElementById('app');
  if (root === null) throw new Error('popup.html has no #app');
  render(
    <LocaleProvider locale={locale}>
      <PageApp client={tabId === undefined ? null : tabClient(tabId)} variant="popup" />
    </LocaleProvider>,
    root,
  );
}

void main();
