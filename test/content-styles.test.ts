import { describe, expect, it } from 'vitest';
import { pageCss } from '@/entrypoints/content/styles';

describe('the page-level sheet', () => {
  it('hides the other language in each mode', () => {
    expect(pageCss(['en', 'zh-Hans'])).toContain('html[data-newslens-mode="en"] [data-newslens-lang="zh-Hans"]');
  });

  it('takes only language tags into its selectors, so no text can add rules of its own', () => {
    const css = pageCss(['en', 'zh"] , body { display: none } [x="', 'zh-Hans']);
    expect(css).not.toContain('body');
    expect(css.match(/\{/g)).toHaveLength(pageCss(['en', 'zh-Hans']).match(/\{/g)?.length as number);
  });
});
