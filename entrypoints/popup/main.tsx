import { render } from 'preact';
import { browser } from 'wxt/browser';
import { browserLocale, LocaleProvider } from '../../components/locale';
import { PageApp } from '../../components/PageApp';
import { tabClient } from '../../components/page-client';
import '../../components/styles.css';

async function main() {
  const locale = browserLocale();
  document.documentElement.lang = locale.lang;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  const root = document.getElementById('app');
  if (root === null) throw new Error('popup.html has no #app');
  render(
    <LocaleProvider locale={locale}>
      <PageApp client={tab?.id === undefined ? null : tabClient(tab.id)} variant="popup" />
    </LocaleProvider>,
    root,
  );
}

void main();
