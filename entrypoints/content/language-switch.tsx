import { Fragment, render } from 'preact';
import type { Translate } from '@/utils/i18n';
import { modeName } from '@/utils/language-names';
import type { LanguageMode } from '@/utils/protocol';
import { MARK, TAG } from '@/utils/page-markers';
import type { ChangeLog } from './restore/changes';
import { styleShadow } from './styles';

/**
 * The floating language switch ("EN · 中文 · Both"), drawn by Preact inside a shadow root so
 * that the page's styles cannot reach it. Plain buttons with aria-pressed: Tab reaches them,
 * Enter/Space press them, and the arrow keys move between them.
 */

export interface ControlProps {
  modes: LanguageMode[];
  mode: LanguageMode;
  t: Translate;
  onMode: (mode: LanguageMode) => void;
  onOff: () => void;
}

const CONTROL_CSS = `
:host { all: initial; position: fixed; inset-block-end: 16px; inset-inline-end: 16px; z-index: 2147483647; }
.bar { display: flex; align-items: center; gap: 2px; padding: 4px; border-radius: 999px;
  background: #ffffff; color: #202124; box-shadow: 0 1px 3px rgba(0,0,0,.25), 0 4px 12px rgba(0,0,0,.12);
  font: 13px/1 system-ui, sans-serif; }
button { all: unset; box-sizing: border-box; padding: 6px 10px; border-radius: 999px; cursor: pointer; }
button[aria-pressed="true"] { background: #1a73e8; color: #fff; }
button:hover:not([aria-pressed="true"]) { background: #f1f3f4; }
button:focus-visible { outline: 2px solid #1a73e8; outline-offset: 1px; }
.sep { color: #9aa0a6; }
.off { padding: 6px 8px; color: #5f6368; }
@media (prefers-color-scheme: dark) {
  .bar { background: #202124; color: #e8eaed; }
  button:hover:not([aria-pressed="true"]) { background: #3c4043; }
}
@media (forced-colors: active) {
  .bar { border: 1px solid CanvasText; }
  button[aria-pressed="true"] { background: Highlight; color: HighlightText; }
}
`;

function moveFocus(event: KeyboardEvent): void {
  if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
  const bar = event.currentTarget as HTMLElement;
  const buttons = [...bar.querySelectorAll('button')];
  const at = buttons.indexOf(event.target as HTMLButtonElement);
  if (at < 0) return;
  const step = (event.key === 'ArrowRight') === (getComputedStyle(bar).direction !== 'rtl') ? 1 : -1;
  buttons[(at + step + buttons.length) % buttons.length]?.focus();
  event.preventDefault();
}

/**
 * The page can reach the switch's buttons (the shadow root is open) and click them from script; a
 * browser marks such events untrusted (isTrusted false). Only the reader's own presses count:
 * a page must not change the mode NewsLens remembers for its site, nor turn it off. happy-dom
 * leaves isTrusted undefined.
 */
const byReader = (event: Event, act: () => void): void => {
  if (event.isTrusted !== false) act();
};

export function Control({ modes, mode, t, onMode, onOff }: ControlProps) {
  return (
    <div class="bar" role="toolbar" aria-label={t('switchLabel')} onKeyDown={moveFocus}>
      {modes.map((each, i) => (
        <Fragment key={each}>
          {i > 0 && (
            <span class="sep" aria-hidden="true">
              ·
            </span>
          )}
          <button type="button" aria-pressed={each === mode} lang={each === 'both' ? undefined : each} onClick={(event) => byReader(event, () => onMode(each))}>
            {modeName(each, t)}
          </button>
        </Fragment>
      ))}
      <button type="button" class="off" aria-label={t('switchOff')} title={t('switchOff')} onClick={(event) => byReader(event, onOff)}>
        ×
      </button>
    </div>
  );
}

/** Puts the switch on the page (removed when `log` is undone); returns its updater. */
export function mountControl(doc: Document, log: ChangeLog, props: ControlProps): (props: ControlProps) => void {
  const host = doc.createElement(TAG.switch);
  host.setAttribute(MARK.ui, 'switch');
  const root = host.attachShadow({ mode: 'open' });
  styleShadow(root, CONTROL_CSS);
  const container = doc.createElement('div');
  root.append(container);
  render(<Control {...props} />, container);
  log.insert(host, { into: doc.documentElement, at: 'end' });
  log.onUndo(() => render(null, container));
  return (next) => render(<Control {...next} />, container);
}
