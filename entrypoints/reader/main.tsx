import { render } from 'preact';
import { browserLocale, LocaleProvider } from '../../components/locale';
import { PageApp } from '../../components/PageApp';
import { tabClient } from '../../components/page-client';
import '../../components/styles.css';

/** The popup opens this page as `reader.html?tab=<id>` for the tab it was showing. */
function tabIdFromQuery(): number | null {
  const value = new URLSearchParams(location.search).get('tab');
  return value !== null && /^\d{1,10}$/.test(value) ? Number(value) : null;
}

const locale = browserLocale();
document.documentElement.lang = locale.lang;
const root = document.getElementById('app');
if (root === null) throw new Error('reader.html has no #app');
const tabId = tabIdFromQuery();
render(
  <LocaleProvider locale={locale}>
    <PageApp client={tabId === null ? null : tabClient(tabId)} variant="tab" />
  </LocaleProvider>,
  root,
);
