import { browser } from 'wxt/browser';
import type catalog from '../public/_locales/en/messages.json';

/**
 * UI text. `_locales/en/messages.json` is the default locale, so its keys are the message keys;
 * the browser picks the locale (en or zh_CN) by its own UI language.
 */
export type MessageKey = keyof typeof catalog;

export type Translate = (key: MessageKey, substitutions?: string | string[]) => string;

/**
 * WXT types getMessage with the default locale's keys only once `wxt prepare` has read them, so
 * this states the API's actual signature instead of depending on that generated file.
 */
interface MessageSource {
  getMessage(name: string, substitutions?: string | string[]): string;
}

/** getMessage returns '' for an unknown key; showing the key makes the gap visible instead of blank. */
export const browserTranslate: Translate = (key, substitutions) =>
  (browser.i18n as MessageSource).getMessage(key, substitutions) || key;

/** The browser's UI language as a BCP 47 tag (`en-US`, `zh-CN`). */
export const uiLanguage = (): string => browser.i18n.getUILanguage();

/**
 * `t` with each answer kept: the content script names the same few things on thousands of labels
 * of a long page.
 */
export function rememberTranslations(t: Translate): Translate {
  const known = new Map<string, string>();
  return (key, substitutions) => {
    // Each substitution apart: the check mark's figures hold commas ("20,000").
    const id = substitutions === undefined ? key : [key, ...[substitutions].flat()].join('\u0000');
    let text = known.get(id);
    if (text === undefined) {
      text = t(key, substitutions);
      known.set(id, text);
    }
    return text;
  };
}
