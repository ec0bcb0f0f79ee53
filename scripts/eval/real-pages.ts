/**
 * Real pages published by others: the fixtures' `real-*` pages (checked by test/fixtures.test.ts
 * with floors) and the ones NewsLens gets wrong today (test/corpus/real-pages-hard), scored
 * together as a new user meets them: pairs recall and precision against the pairs a reader sees,
 * detection of the bilingual pages, and false positives on the controls, page by page. The engine
 * was tuned on those; each held-out folder (never tuned on while held out) is scored apart, on a line
 * of its own, as the figure that predicts pages the engine has not seen.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeDocument } from '../../engine/analyze';
import { foldSpace } from '../../engine/text';
import { decodePage } from '../decode-page';
import { parsePage } from '../parse-page';
import type { EvalSection } from './section';

const root = join(import.meta.dirname, '../..');
const FOLDERS = ['test/fixtures', 'test/corpus/real-pages-hard'];
/** Each batch collected after the engine was tuned, scored on its own line. */
const HELD_OUT = ['test/corpus/real-pages-unseen'];

interface Expected {
  bilingual?: { detected?: boolean; pairs?: { a: string; b: string }[] };
}

interface PageScore {
  page: string;
  control: boolean;
  detected: boolean;
  wanted: number;
  reported: number;
  found: number;
}

const key = (a: string, b: string) => [foldSpace(a), foldSpace(b)].sort().join('\u0000');
const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);

function score(folder: string, name: string): PageScore {
  const dir = join(root, folder, name);
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
  const report = analyzeDocument(parsePage(decodePage(readFileSync(join(dir, 'page.html'))))).report;
  const truth = new Set((expected.bilingual?.pairs ?? []).map((pair) => key(pair.a, pair.b)));
  return {
    page: `${folder}/${name}`,
    control: expected.bilingual?.detected === false,
    detected: report.bilingual.detected,
    wanted: truth.size,
    reported: report.bilingual.pairs.length,
    found: report.bilingual.pairs.filter((pair) => truth.has(key(pair.a.text, pair.b.text))).length,
  };
}

function scoreFolder(folder: string): PageScore[] {
  const names = readdirSync(join(root, folder)).filter((name) => name.startsWith('real-') && existsSync(join(root, folder, name, 'expected.json')));
  if (names.length === 0) throw new Error(`no real pages in ${folder}`);
  return names.sort().map((name) => score(folder, name));
}

const sum = (list: PageScore[], field: 'wanted' | 'reported' | 'found') => list.reduce((total, page) => total + page[field], 0);

/** Pairs recall and precision over the bilingual pages of `scores`, detection, and controls with pairs. */
function figuresOf(scores: PageScore[]) {
  const pages = scores.filter((page) => !page.control);
  const controls = scores.filter((page) => page.control);
  return {
    bilingualPages: pages.length,
    controls: controls.length,
    detection: share(pages.filter((page) => page.detected).length, pages.length),
    pairs: { recall: share(sum(pages, 'found'), sum(pages, 'wanted')), precision: share(sum(pages, 'found'), sum(pages, 'reported')) },
    // Each page counted once: a long glossary weighs no more than a short digest.
    pageMean: { recall: share(pages.reduce((total, page) => total + page.found / Math.max(page.wanted, 1), 0), pages.length) },
    controlFalsePositives: controls.filter((page) => page.detected || page.reported > 0).map((page) => page.page),
  };
}

function heldOutScore(folder: string, scores: PageScore[]) {
  return { folder, ...figuresOf(scores), pages: scores.filter((page) => !page.control) };
}

const section: EvalSection = {
  name: 'real-pages',
  async run() {
    const pages = FOLDERS.flatMap(scoreFolder);
    const bilingual = pages.filter((page) => !page.control);
    const heldOut = HELD_OUT.map((folder) => heldOutScore(folder, scoreFolder(folder)));
    const result = { ...figuresOf(pages), pages, heldOut };
    const lines = [
      `${bilingual.length} real bilingual pages, ${result.controls} controls`,
      `pairs recall ${result.pairs.recall} (mean per page ${result.pageMean.recall}), precision ${result.pairs.precision}; bilingual found on ${result.detection}`,
      `controls with pairs: ${result.controlFalsePositives.length ? result.controlFalsePositives.join(', ') : 'none'}`,
      ...bilingual.map((page) => `  ${page.page}: ${page.found}/${page.wanted} found, ${page.reported} reported${page.detected ? '' : ', not detected'}`),
      ...heldOut.flatMap((batch) => [
        `held out (${batch.folder}, never tuned on): ${batch.bilingualPages} pages, pairs recall ${batch.pairs.recall} (mean per page ${batch.pageMean.recall}), precision ${batch.pairs.precision}; bilingual found on ${batch.detection}; controls with pairs: ${batch.controlFalsePositives.length ? batch.controlFalsePositives.join(', ') : 'none'} of ${batch.controls}`,
        ...batch.pages.map((page) => `  ${page.page}: ${page.found}/${page.wanted} found, ${page.reported} reported${page.detected ? '' : ', not detected'}`),
      ]),
    ];
    return { lines, result };
  },
};

export default section;
