import { isOurs, MARK } from '@/utils/page-markers';

/**
 * One MutationObserver for the whole page. It never sees NewsLens's own writes: every write runs
 * inside `quiet()`, which hands the page's pending records on, disconnects, writes, and
 * reconnects. The page's changes are batched: `onChange` runs once the page has been quiet for
 * `quietMs`, or at the latest `maxWaitMs` after the first change of a batch, so a page that never
 * stops changing is still re-analysed at a bounded rate, and one that stops settles.
 */

const OPTIONS: MutationObserverInit = { childList: true, subtree: true, characterData: true };
const INERT_TAGS = new Set(['SCRIPT', 'STYLE', 'LINK', 'META', 'NOSCRIPT', 'TEMPLATE', 'IFRAME']);

const insideOurs = (node: Node): boolean => {
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  return element?.closest(`[${MARK.ui}]`) != null;
};

const matters = (node: Node): boolean => {
  if (node.nodeType === Node.TEXT_NODE) return (node as Text).data.trim() !== '';
  if (node.nodeType !== Node.ELEMENT_NODE) return false;
  return !isOurs(node) && !INERT_TAGS.has((node as Element).tagName.toUpperCase());
};

export function isPageChange(record: MutationRecord): boolean {
  if (insideOurs(record.target)) return false;
  if (record.type === 'characterData') return true;
  for (const node of record.addedNodes) if (matters(node)) return true;
  for (const node of record.removedNodes) if (matters(node)) return true;
  return false;
}

export class PageObserver {
  private readonly observer: MutationObserver;
  private running = false;
  private quietDepth = 0;
  private quietTimer: ReturnType<typeof setTimeout> | undefined;
  private maxTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly root: Node,
    private readonly onChange: () => void,
    private readonly timing: { quietMs: number; maxWaitMs: number },
  ) {
    this.observer = new MutationObserver((records) => this.consider(records));
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.observer.observe(this.root, OPTIONS);
  }

  stop(): void {
    this.running = false;
    this.observer.disconnect();
    this.clearTimers();
  }

  /** Runs our own write without observing it. */
  quiet<T>(write: () => T): T {
    if (!this.running || this.quietDepth > 0) return write();
    const pending = this.observer.takeRecords();
    this.observer.disconnect();
    this.quietDepth++;
    try {
      return write();
    } finally {
      this.quietDepth--;
      if (this.running) this.observer.observe(this.root, OPTIONS);
      this.consider(pending);
    }
  }

  private consider(records: MutationRecord[]): void {
    if (!this.running || !records.some(isPageChange)) return;
    clearTimeout(this.quietTimer);
    this.quietTimer = setTimeout(() => this.fire(), this.timing.quietMs);
    this.maxTimer ??= setTimeout(() => this.fire(), this.timing.maxWaitMs);
  }

  private fire(): void {
    this.clearTimers();
    if (this.running) this.onChange();
  }

  private clearTimers(): void {
    clearTimeout(this.quietTimer);
    clearTimeout(this.maxTimer);
    this.quietTimer = undefined;
    this.maxTimer = undefined;
  }
}
