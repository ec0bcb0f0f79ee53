/**
 * What a Chinese-speaking reader must see of NewsLens on a page, shared by the Chromium and Firefox
 * checks: the only Latin words allowed are the extension's name, "AI" (Chinese writes it so), the
 * names of languages, which are written in their own language everywhere, and the shortcut's keys.
 */
export const ALLOWED_LATIN = new Set(['NewsLens', 'AI', 'English', 'Alt', 'Shift', 'L']);

/** Chinese texts the seed page shows in a Chinese browser: switch, marker, label and badge. */
export const SEED_CHINESE = ['双语', '与上一段重复', '显示', 'AI 生成', 'NewsLens：显示语言'];

/**
 * Every text, accessible name and tooltip of NewsLens's widgets on the page, by kind of widget
 * (run in the page: `page.evaluate(widgetTextsInPage)`).
 */
export function widgetTextsInPage() {
  return [...document.querySelectorAll('[data-newslens-ui]')].map((host) => {
    const root = host.shadowRoot;
    const attributes = [...root.querySelectorAll('[aria-label], [title]')].flatMap((el) => [el.getAttribute('aria-label'), el.getAttribute('title')]);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const texts = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.parentElement?.tagName !== 'STYLE') texts.push(node.data);
    return { kind: host.getAttribute('data-newslens-ui'), texts: [...texts, ...attributes].filter(Boolean) };
  });
}

/** The Latin words of the widgets' texts that a Chinese UI must not show. */
export function foreignWords(widgets) {
  const words = widgets.flatMap((widget) => widget.texts.join(' ').match(/\p{Script=Latin}+/gu) ?? []);
  return [...new Set(words.filter((word) => !ALLOWED_LATIN.has(word)))];
}
