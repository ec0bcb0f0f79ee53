import { describe, expect, it } from 'vitest';
import { chromeLineKind, isLabelLine } from '../engine/chrome-lines';

// Lines as printed on the pages of test/corpus/extraction (dev split) and test/corpus/real-pages.
describe('chromeLineKind', () => {
  it.each([
    ['当前位置：首页>>CN>>会议>>中国经济学年会秘书处', 'breadcrumb'],
    ['您现在的位置：读书 -> 连载 -> 畅销小说 -> 纯棉婚姻书摘 -> 正文', 'breadcrumb'],
    ['Home > World > Europe', 'breadcrumb'],
    ['第1页/共1页 << 上一页 | 下一页 >>', 'pager'],
    ['Copyright© 1998-2005 北京大学 中国经济研究中心 版权所有 保留所有权利', 'rights'],
    ['京ICP证000009号', 'rights'],
    ['相关报道：', 'related'],
    ['今 日 推 荐', 'related'],
    ['You may also like:', 'related'],
    ['Related Articles', 'related'],
    ['Related Tags:', 'related'],
    ['Most popular stories right now', 'related'],
    ['More Great WIRED Stories', 'related'],
    ['Trending News', 'related'],
    ['热门评论', 'comments'],
    ['Comments', 'comments'],
    ['Post a comment', 'comments'],
    ['Caption', 'control'],
    ['Advertisement', 'control'],
  ])('%s is %s', (line, kind) => {
    expect(chromeLineKind(line)).toBe(kind);
  });

  it.each([
    // A story's own notice names its year, and scrapinghub's annotators keep it.
    '© 2019 Associated Press. All Rights Reserved. This material may not be published, broadcast, rewritten, or redistributed.',
    'Copyright 2019 Hawaii News Now. All rights reserved.',
    // Prose that speaks of the same things.
    '在货到付款方面还有几个关键点需要点明：',
    'The comments section of the city council meeting ran late into the night.',
    '相关报道显示，该公司去年的营收增长了三成。',
    'Close to 300 people were deported on the flight.',
  ])('%s is the story', (line) => {
    expect(chromeLineKind(line)).toBeNull();
  });
});

describe('isLabelLine', () => {
  it('reads a short line ending in a colon as a label waiting for its value', () => {
    expect(isLabelLine('责任编辑：')).toBe(true);
    expect(isLabelLine('Original title:')).toBe(true);
    expect(isLabelLine('在货到付款方面还有几个关键点需要点明：')).toBe(false);
  });
});
