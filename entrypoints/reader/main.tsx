import { render } from 'preact';
import { browserLocale, LocaleProvider } from '../../components/locale';
import { PageApp } from '../../components/PageApp';
import { tabClient, tabIdFromSearch } from '../../components/page-client';
import '../../components/styles.css';

const locale = browserLocale();
document.documentElement.lang = locale.lang;
const root = document.getElementById('app');
if (root === null) throw new Error('reader.html has no #app');
// The popup opens this page as `reader.html?tab=<id>` for the tab it was showing.
const tabId = tabIdFromSearch(location.search);
render(
  <LocaleProvider locale={locale}>
    <PageApp client={tabId === null ? null : tabClient(tabId)} variant="tab" printOnReady={new URLSearchParams(location.search).has('print')} />
  </LocaleProvider>,
  root,
);
