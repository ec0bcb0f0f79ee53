/**
 * Lines a site prints around every story, told by what they say: where the page sits in the site
 * ("当前位置：首页 >> 新闻", "You are here: Home > News"), which page of the story this is
 * ("第1页/共1页 << 上一页 | 下一页", "Page 1 of 3"), the site's rights and licence ("Copyright ©
 * 1998-2005 … 版权所有", "京ICP证000009号"), and the heading of a box of other stories or of
 * readers' comments ("相关报道：", "今 日 推 荐", "Related Articles", "Comments"). They often sit inside
 * the story's container, so the container's markup cannot leave them out; their words can.
 */
import { HAN, latinLength } from './writing-systems';

/** A space between two Han characters: "今 日 推 荐" spaced out as a heading. */
const SPACE_IN_HAN = new RegExp(`(?<=${HAN})\\s+(?=${HAN})`, 'gu');

/** A label is short: "Original title:", "原文链接：" (Latin-equivalent characters). */
export const LABEL_LENGTH = 24;
const LABEL_END = /[:：]\s*$/u;

/** A label waiting for its value ("原文标题：", "责任编辑：", "Related:"): it introduces what follows it. */
export function isLabelLine(line: string): boolean {
  return LABEL_END.test(line) && latinLength(line, LABEL_LENGTH + 1) <= LABEL_LENGTH;
}

export type ChromeLine = 'breadcrumb' | 'pager' | 'rights' | 'related' | 'comments' | 'control';

/** Longest chrome line (Latin-equivalent characters): a rights line may name the site and its address. */
const MAX_CHROME_LINE = 240;
/** Longest heading of a chrome box. */
const MAX_SECTION_HEADING = 40;

const BREADCRUMB_LABEL = /^(?:当前位置|您现在的位置|您的位置|现在位置|所在位置|you are here)\s*[:：]/iu;
/** "首页 >> 新闻 >> 正文", "Home > World > Europe": a home link, then two steps down the site. */
const BREADCRUMB_PATH = /^(?:首页|主页|home)\s*(?:>>?|»|›|->|＞|\/)\s*\S.*(?:>>?|»|›|->|＞|\/)/iu;
const PAGER = /第\s*\d+\s*页\s*[/／]\s*共\s*\d+\s*页|上一页.{0,20}下一页|^page \d+ of \d+$/iu;
/**
 * The site's rights line: a copyright over a span of years (the site's, since it opened: "Copyright©
 * 1998-2005 …"; a story's own notice names its year, "© 2019 Associated Press", and stays), or a
 * Chinese site's ICP licence number ("京ICP证000009号").
 */
const RIGHTS = /(?:copyright|©|\(c\))\s*©?\s*(?:19|20)\d\d\s*[-–—~至]\s*(?:19|20)\d\d|ICP[证备備]\s*\d|ICP\s*\d{6,}/iu;
/**
 * Names of the boxes that follow a story, read with the spaces between CJK characters taken out
 * ("今 日 推 荐") and a closing colon dropped: other stories and recommendations ...
 */
const RELATED_NAME =
  /^(?:相关(?:内容|报道|新闻|文章|阅读|链接|信息|专题|推荐|资讯)|推荐阅读|延伸阅读|精彩推荐|今日推荐|热点推荐|猜你喜欢|related\b.{0,30}|you (?:might|may) also like|more (?:\S+ ){0,3}(?:stories|articles|news)|most (?:popular|read|viewed|shared)\b.{0,25}|recommended(?: for you| reading| stories)?|trending(?: now| stories| news)?|popular (?:posts|stories)|sponsored(?: links| content| stories)?|breaking news)$/iu;
/** ... and readers' comments. */
/** A gallery's or a player's button, or an ad's label, printed as a line of its own. */
const CONTROL = /^(?:close|caption|hide caption|show caption|expand|enlarge this image|advertisement|skip ad|双击自动滚屏)$/iu;

const COMMENTS_NAME = /^(?:相关评论|热门评论|最新评论|网友评论|发表评论|我要评论|comments?|leave a (?:comment|reply)|(?:post|add|write) (?:a )?comment.{0,6}|\d+ comments?)$/iu;

/** What kind of site chrome `text` is, or null for any other text. */
export function chromeLineKind(text: string): ChromeLine | null {
  const line = text.trim();
  if (line.length === 0 || latinLength(line, MAX_CHROME_LINE + 1) > MAX_CHROME_LINE) return null;
  if (BREADCRUMB_LABEL.test(line) || BREADCRUMB_PATH.test(line)) return 'breadcrumb';
  if (PAGER.test(line)) return 'pager';
  if (CONTROL.test(line)) return 'control';
  if (latinLength(line, MAX_SECTION_HEADING + 1) <= MAX_SECTION_HEADING) {
    const name = line.replace(SPACE_IN_HAN, '').replace(/\s*[:：]$/u, '');
    if (RELATED_NAME.test(name)) return 'related';
    if (COMMENTS_NAME.test(name)) return 'comments';
  }
  return RIGHTS.test(line) ? 'rights' : null;
}
