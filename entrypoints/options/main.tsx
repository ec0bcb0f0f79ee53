import { render } from 'preact';
import { browserLocale, LocaleProvider } from '../../components/locale';
import { Options } from '../../components/Options';
import '../../components/styles.css';

const locale = browserLocale();
document.documentElement.lang = locale.lang;
document.title = locale.t('optionsTitle');
const root = document.getElementById('app');
if (root === null) throw new Error('options.html has no #app');
render(
  <LocaleProvider locale={locale}>
    <Options />
  </LocaleProvider>,
  root,
);
