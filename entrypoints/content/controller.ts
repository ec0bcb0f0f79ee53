import type { PageFindings, PageSnapshot } from '@/engine/model';
import { baseLanguage } from '@/engine/lang-tags';
import type { StateRequest, FlagTarget, LanguageMode, PageState, PageStatus } from '@/utils/protocol';
import { browserTranslate, rememberTranslations, type Translate } from '@/utils/i18n';
import { languageName } from '@/utils/language-names';
import { MARK } from '@/utils/page-markers';
import { disabledEntryFor, resolveMode, type Settings, type SiteModes, setSwitchFolded } from '@/utils/settings';
import type { SnapshotResult } from '@/engine/snapshot';
import type { Steps } from '@/engine/steps';
import { Annotator, type Runner } from './annotate';
import { PageObserver } from './observer';
import { type BlockWork, createPlanner, type PageAnalysis, type PagePlan, pageElements } from './plan';
import { markColumns } from './columns';
import { ChangeLog } from './restore/changes';
import { Cancelled, inFrames, runSliced, sliced, yieldToPage } from './schedule';
import { pageIsDark } from './scheme';
import { originalHtml } from './page-copy';
import { pageCss, stylePage } from './styles';
import { type ControlProps, mountControl, switchPlace } from './language-switch';

/**
 * The content script's state machine: analyse (DOM snapshot here, text phase in the background),
 * annotate in slices, keep the page's language mode, re-analyse what the page changes, and turn
 * everything off again on request. Browser APIs come in through `ControllerDeps`, so the whole
 * cycle runs in unit tests against a happy-dom document.
 */

export interface Engine {
  /** The DOM phase, as a pass the controller runs in slices. */
  snapshotSteps(doc: Document, opts: { url?: string | null }): Steps<SnapshotResult>;
  /** The text phase, in the background: the findings annotation needs (the report stays there). */
  analyze(snapshot: PageSnapshot): Promise<PageFindings>;
}

export interface ControllerDeps {
  doc: Document;
  engine: Engine;
  settings(): Promise<Settings>;
  siteModes(): Promise<SiteModes>;
  saveSiteMode(host: string, mode: LanguageMode): Promise<void>;
  /** Tells the background the page's state: the content script is its one source. */
  sendState(state: PageState): void;
  /** The UI text in the browser's language (tests pass a catalog's). */
  t?: Translate;
  /** Remembers the reader folding or unfolding the switch on this site. */
  saveSwitchFolded?(host: string, folded: boolean): Promise<void>;
  /** Debounce of re-analysis after the page changes (see PageObserver). */
  timing?: { quietMs: number; maxWaitMs: number };
}

const FLASH_MS = 1600;

export class Controller {
  private status: PageStatus = 'analysing';
  private analysis: PageAnalysis | null = null;
  private plan: PagePlan | null = null;
  private mode: LanguageMode = 'both';
  private modeChosen = false;
  private error: string | null = null;
  private enabled = false;
  private settingsValue: Settings | null = null;
  private abort = new AbortController();
  private running: Promise<void> | null = null;
  private again = false;
  /** The sites' remembered modes, asked for at start beside the settings: one round trip less before the first plan. */
  private siteModesAhead: Promise<SiteModes> | null = null;
  /** The page as read at start, while the settings loaded; the first analysis takes it. */
  private readingAhead: Promise<SnapshotResult> | null = null;

  private annotator: Annotator | null = null;
  private readonly pageLog = new ChangeLog();
  private readonly controlLog = new ChangeLog();
  private readonly flashLog = new ChangeLog();
  private readonly columnLog = new ChangeLog();
  private setCss: ((css: string) => void) | null = null;
  private css = '';
  private updateControl: ((props: ControlProps) => void) | null = null;
  /** The element the switch stands after (the article's title), null for the corner. */
  private switchAfter: Element | null = null;
  private mountedAfter: Element | null = null;
  private dark = false;
  private flashTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly observer: PageObserver;
  private readonly t: Translate;

  constructor(private readonly deps: ControllerDeps) {
    this.t = rememberTranslations(deps.t ?? browserTranslate);
    this.observer = new PageObserver(deps.doc.documentElement, () => void this.run(), deps.timing ?? { quietMs: 300, maxWaitMs: 2000 });
  }

  private get doc(): Document {
    return this.deps.doc;
  }

  private get host(): string {
    return this.doc.location?.hostname ?? '';
  }

  /** Starts on page load, unless the user turned NewsLens off for this site. */
  async start(): Promise<void> {
    this.siteModesAhead = this.deps.siteModes();
    // The page is read while the settings come from storage (a fresh profile's first read takes
    // tens of milliseconds): reading writes nothing, and a site turned off throws the reading
    // away. The observer runs from here, so that a change made meanwhile brings one more
    // analysis, as it does during any other.
    this.observer.start();
    const reading = this.readPage(this.abort.signal);
    reading.catch(() => {});
    const settings = await this.deps.settings();
    this.settingsValue = settings;
    if (disabledEntryFor(settings, this.host) !== undefined) {
      this.abort.abort();
      this.observer.stop();
      this.status = 'off';
      this.sendState();
      return;
    }
    this.readingAhead = reading;
    await this.enable();
  }

  private readPage(signal: AbortSignal): Promise<SnapshotResult> {
    return runSliced(this.deps.engine.snapshotSteps(this.doc, { url: this.doc.location?.href ?? null }), { signal });
  }

  state(): PageState {
    return {
      status: this.status,
      mode: this.mode,
      modes: this.plan?.modes ?? ['both'],
      collapsedCount: this.status === 'off' ? 0 : (this.plan?.collapsedCount ?? 0),
      error: this.error,
    };
  }

  async handle(request: StateRequest): Promise<PageState> {
    switch (request.type) {
      case 'get-state':
        break;
      case 'set-mode':
        await this.setMode(request.mode, true);
        break;
      case 'cycle-mode': {
        const modes = this.plan?.modes ?? ['both'];
        await this.setMode(modes[(modes.indexOf(this.mode) + 1) % modes.length] ?? 'both', true);
        break;
      }
      case 'set-enabled':
        if (request.enabled) await this.enable();
        else this.disable();
        break;
      case 'scroll-to':
        this.scrollTo(request.target);
        break;
      case 'refresh':
        // An analysis under way hands the background its report as well.
        if (this.enabled) await (this.running ?? this.run());
        break;
    }
    return this.state();
  }

  /** Settings changed in another context: honour a newly disabled site and the control's visibility. */
  applySettings(settings: Settings): void {
    this.settingsValue = settings;
    if (!this.enabled) return;
    if (disabledEntryFor(settings, this.host) !== undefined) this.disable();
    else this.syncControl();
  }

  /** The site's remembered mode changed (in another tab, or the popup). */
  applySiteModes(modes: SiteModes): void {
    if (this.siteModesAhead) this.siteModesAhead = Promise.resolve(modes);
    const wanted = modes[this.host];
    if (!this.enabled || !this.plan || wanted === undefined || wanted === this.mode) return;
    const mode = resolveMode(this.plan.modes, wanted, 'both');
    if (mode !== this.mode) void this.setMode(mode, false);
  }

  /** The reader corrected a finding on this site: analyse again, and the background's findings apply it. */
  correctionsChanged(): void {
    if (this.enabled) void this.run();
  }

  /** The page's HTML without NewsLens's changes, for "save page + report" (the page itself stays as it is). */
  pageHtml(): string {
    return originalHtml(this.doc, this.annotator?.pageLangs ?? new Map());
  }

  /** The page navigated in place (pushState): analyse again, keeping the mode. */
  locationChanged(): void {
    if (this.enabled) void this.run();
  }

  async enable(): Promise<void> {
    if (this.enabled) return;
    this.enabled = true;
    this.error = null;
    this.abort = new AbortController();
    const settings = this.settingsValue ?? (await this.deps.settings());
    this.annotator = new Annotator(this.doc, { autoCollapse: settings.autoCollapse, t: this.t });
    this.observer.start();
    await this.run();
  }

  /** Off means off: the page returns to exactly what it was before NewsLens touched it. */
  disable(): void {
    this.enabled = false;
    this.abort.abort();
    this.readingAhead = null;
    this.observer.stop();
    clearTimeout(this.flashTimer);
    this.flashLog.undo();
    this.columnLog.undo();
    this.annotator?.undoAll();
    this.annotator = null;
    this.updateControl = null;
    this.controlLog.undo();
    this.setCss = null;
    this.css = '';
    this.pageLog.undo();
    this.status = 'off';
    this.sendState();
  }

  /** One analysis at a time; changes that arrive meanwhile cause exactly one more. */
  run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.analyseOnce(this.abort.signal);
      } while (this.again && this.enabled);
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async analyseOnce(signal: AbortSignal): Promise<void> {
    const annotator = this.annotator;
    if (!annotator || signal.aborted) return;
    try {
      if (!this.analysis) {
        this.status = 'analysing';
        this.sendState();
      }
      const ahead = this.readingAhead;
      this.readingAhead = null;
      const { snapshot, elements } = await (ahead ?? this.readPage(signal));
      const findings = await this.deps.engine.analyze(snapshot);
      // The answer arrived in a task of its own: planning starts in the next.
      await yieldToPage();
      if (signal.aborted) return;
      const analysis: PageAnalysis = { findings, elements: pageElements(snapshot, elements), blockCount: snapshot.blocks.length, markup: snapshot.markup };
      const run: Runner = (items, work, kind) => {
        const opts = { signal, around: (slice: () => void) => this.observer.quiet(slice) };
        return kind === 'marks' ? sliced(items, work, opts) : inFrames(items, work, opts);
      };
      const planner = createPlanner(analysis, annotator.inheritedLang);
      // Setting the planner up is linear in the units (tens of milliseconds on 10,000 paragraphs,
      // with the garbage it leaves): the first slice of planning waits for the next task.
      await yieldToPage();
      if (signal.aborted) return;
      const blocks: BlockWork[] = [];
      await sliced(
        Array.from({ length: planner.count }, (_, i) => i),
        (i) => {
          const work = planner.block(i);
          if (work) blocks.push(work);
        },
        { signal },
      );
      const plan: PagePlan = { ...planner.summary, blocks };
      this.analysis = analysis;
      this.plan = plan;
      await this.choosePageMode(plan);
      if (signal.aborted) return;
      // The names of the page's languages (on labels and the switch), in a task of their own: a
      // page's first Intl.DisplayNames loads its locale data, tens of milliseconds.
      for (const mode of plan.languages) languageName(mode);
      await yieldToPage();
      if (signal.aborted) return;
      const changes = annotator.changesFor(plan, this.doc.defaultView?.innerHeight ?? 0);
      // Styles are read here, before any write, like the layout above.
      this.dark = pageIsDark(this.doc);
      this.switchAfter = switchPlace(elements[snapshot.blocks.findIndex((block) => block.role === 'title')] ?? null);
      this.observer.quiet(() => this.syncPage());
      // Reading the layout for the first screen took this task's share; the writes start in the next.
      await yieldToPage();
      await annotator.apply(changes, run);
      if (signal.aborted) return;
      this.observer.quiet(() => {
        this.columnLog.undo();
        markColumns(analysis.elements, snapshot.blocks, plan.blocks, this.columnLog);
      });
      // The switch comes last, in the frame of the last writes: on a long page a frame of its own
      // would lay the whole page out once more.
      this.syncControl();
      this.status = snapshot.blocks.some((block) => block.inArticle) ? 'ready' : 'not-article';
      this.error = null;
      this.sendState();
    } catch (error) {
      if (error instanceof Cancelled || signal.aborted) return;
      this.status = 'error';
      this.error = error instanceof Error ? error.message : String(error);
      this.sendState();
    }
  }

  private async choosePageMode(plan: PagePlan): Promise<void> {
    if (this.modeChosen && plan.modes.includes(this.mode)) return;
    const ahead = this.siteModesAhead;
    this.siteModesAhead = null;
    const [settings, siteModes] = await Promise.all([this.settingsValue ?? this.deps.settings(), ahead ?? this.deps.siteModes()]);
    this.mode = resolveMode(plan.modes, siteModes[this.host], settings.defaultMode);
    this.modeChosen = plan.modes.length > 1;
  }

  /** The page-level sheet, `<html data-newslens-mode>` and the switch, in line with the plan. */
  private syncPage(): void {
    const languages = this.plan?.languages ?? [];
    this.setCss ??= stylePage(this.doc, this.pageLog);
    const css = pageCss(languages);
    if (css !== this.css) {
      this.setCss(css);
      this.css = css;
    }
    this.pageLog.setAttr(this.doc.documentElement, MARK.mode, this.mode);
    this.pageLog.setAttr(this.doc.documentElement, MARK.scheme, this.dark ? 'dark' : null);
    if (this.updateControl) this.syncControl();
  }

  private syncControl(): void {
    const wanted = (this.plan?.languages.length ?? 0) > 0 && this.settingsValue?.showControl !== false;
    this.observer.quiet(() => {
      if (!wanted) {
        this.updateControl = null;
        this.controlLog.undo();
        return;
      }
      const props: ControlProps = {
        modes: this.plan?.modes ?? ['both'],
        mode: this.mode,
        t: this.t,
        folded: this.settingsValue?.foldedSwitchSites.includes(this.host) ?? false,
        onMode: (mode) => void this.setMode(mode, true),
        onFold: (folded) => void this.fold(folded),
        onOff: () => this.disable(),
      };
      if (this.updateControl && this.mountedAfter !== this.switchAfter) {
        this.updateControl = null;
        this.controlLog.undo();
      }
      if (this.updateControl) this.updateControl(props);
      else {
        this.updateControl = mountControl(this.doc, this.controlLog, props, this.switchAfter);
        this.mountedAfter = this.switchAfter;
      }
    });
  }

  /** Folds or unfolds the switch at once, and remembers it for the site. */
  private async fold(folded: boolean): Promise<void> {
    const settings = this.settingsValue;
    if (!settings) return;
    const others = settings.foldedSwitchSites.filter((site) => site !== this.host);
    this.settingsValue = { ...settings, foldedSwitchSites: folded ? [...others, this.host] : others };
    this.syncControl();
    if (this.host) await (this.deps.saveSwitchFolded ?? setSwitchFolded)(this.host, folded);
  }

  private async setMode(mode: LanguageMode, remember: boolean): Promise<void> {
    const modes = this.plan?.modes ?? ['both'];
    if (!modes.includes(mode)) return;
    this.mode = mode;
    this.modeChosen = true;
    if (this.enabled && this.setCss) this.observer.quiet(() => this.syncPage());
    this.sendState();
    if (remember && this.host) await this.deps.saveSiteMode(this.host, mode);
  }

  private scrollTo(target: FlagTarget): void {
    const analysis = this.analysis;
    const annotator = this.annotator;
    if (!analysis || !annotator) return;
    const found = findTarget(analysis, target, this.mode);
    if (!found) return;
    const { el, part, lang } = found;
    if (this.mode !== 'both' && lang !== null && baseLanguage(lang) !== baseLanguage(this.mode)) void this.setMode('both', false);
    const shown = this.observer.quiet(() => annotator.reveal(el, part));
    shown.scrollIntoView({ block: 'center', behavior: 'smooth' });
    clearTimeout(this.flashTimer);
    this.flashLog.undo();
    this.flashLog.setAttr(shown, MARK.flash, '');
    this.flashTimer = setTimeout(() => this.flashLog.undo(), FLASH_MS);
  }

  private sendState(): void {
    this.deps.sendState(this.state());
  }
}

/**
 * The element (and part) of the flag the popup points at. The popup counts each kind of flag in
 * report order, and the findings list the same units in the same order. A mismatch points at the
 * side of its pair that `mode` shows, in the Both mode the side that carries the pair's mark.
 */
export function findTarget(
  analysis: PageAnalysis,
  target: FlagTarget,
  mode: LanguageMode = 'both',
): { el: Element; part: number | null; lang: string | null } | null {
  const { findings, elements, markup } = analysis;
  const unitAt = (unit: number | undefined) => {
    if (unit === undefined || unit < 0) return null;
    const block = findings.unitBlock[unit];
    const el = block === undefined ? undefined : elements[block];
    if (!el) return null;
    let part = 0;
    while (findings.unitBlock[unit - part - 1] === block) part++;
    return { el, part, lang: findings.langs[findings.unitLang[unit] as number] ?? null };
  };
  switch (target.kind) {
    case 'disclosure': {
      const inMarkup = markup[target.index];
      const el = inMarkup ? elements[inMarkup.element] : elements[findings.textDisclosures[target.index - markup.length]?.block ?? -1];
      return el ? { el, part: null, lang: null } : null;
    }
    case 'duplicate':
      return unitAt(findings.duplicates[target.index]);
    case 'truncated':
      return unitAt(findings.truncated[target.index]);
    case 'untranslated':
      return unitAt(findings.untranslated[target.index]);
    case 'mismatch': {
      const pair = findings.mismatches[target.index];
      if (!pair) return null;
      const a = unitAt(pair.a);
      return a?.lang && mode !== 'both' && baseLanguage(a.lang) === baseLanguage(mode) ? a : unitAt(pair.b);
    }
  }
}
