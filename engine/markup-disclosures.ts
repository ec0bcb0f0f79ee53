import type { Disclosure, DisclosureKind } from './report';
import { STEP, type Steps, runSteps } from './steps';

/**
 * Machine-readable AI labels, read from the page's markup: the DOM part of disclosure detection.
 * Kept apart from the text matching in `disclosures.ts`, whose language tables the content script
 * (which reads the DOM) does not load.
 */

export type MarkupDisclosure = { disclosure: Disclosure; el: Element | null };

const markup = (kind: DisclosureKind, source: Disclosure['source'], evidence: string, el: Element | null): MarkupDisclosure => ({
  disclosure: { kind, source, evidence, lang: null },
  el,
});

/**
 * GB 45438-2025 Annex E `Label`: 1 = AI-generated; 2 ("possibly", user-declared) and 3 (suspected,
 * platform-detected) both say the platform does not know for sure, so both map to 'suspected'.
 * Non-conformant non-empty values ("AIGC", "true") still mark the content as AI-made.
 */
function aigcKind(label: string): DisclosureKind | null {
  const value = label.trim().toLowerCase();
  if (value === '1') return 'generated';
  if (value === '2' || value === '3') return 'suspected';
  if (value === '' || value === '0' || value === 'false' || value === 'no' || value === 'none') return null;
  return 'generated';
}

function aigcLabel(content: string): string | null {
  try {
    const parsed: unknown = JSON.parse(content);
    const label = findKey(parsed, (key) => key.toLowerCase() === 'label', 3);
    if (typeof label === 'string' || typeof label === 'number') return String(label);
  } catch {
    // Malformed JSON is common in hand-written tags; the regex below still reads the label.
  }
  const m = /"?label"?\s*[:=]\s*"?([^",}\s]{1,40})/i.exec(content);
  if (m?.[1] !== undefined) return m[1];
  return /^\s*[0-3]\s*$/.test(content) ? content.trim() : null;
}

/** The value of the first key `match` accepts, searching objects and arrays breadth-first. */
function findKey(root: unknown, match: (key: string) => boolean, maxDepth: number): unknown {
  let level: unknown[] = [root];
  for (let depth = 0; depth <= maxDepth && level.length > 0; depth++) {
    const next: unknown[] = [];
    for (const node of level) {
      if (Array.isArray(node)) next.push(...node);
      else if (node !== null && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (match(key)) return value;
          next.push(value);
        }
      }
    }
    level = next;
  }
  return undefined;
}

/** `ai-generated` (WHATWG #9479), `ai-disclosure` (WICG #261, Drupal) and `AI-Disclosure` (IETF draft) values; a page machine-translated by AI is AI-assisted. */
function declaredKind(content: string): DisclosureKind | null {
  const value = (content.split(/[;,]/)[0] ?? '').trim().toLowerCase().replace(/_/g, '-');
  switch (value) {
    case 'all':
    case 'true':
    case 'yes':
    case 'ai-generated':
    case 'generated':
    case 'autonomous':
    case 'ai-originated':
    case 'machine-generated':
      return 'generated';
    case 'partially':
    case 'partial':
    case 'ai-assisted':
    case 'assisted':
    case 'mixed':
    case 'ai-modified':
    case 'machine-translated':
    case 'ai-translated':
      return 'assisted';
    case 'ai-summarized':
    case 'ai-summarised':
    case 'summarized':
      return 'summary';
    default:
      return null;
  }
}

/**
 * IPTC digital source types that say generative AI made or changed the media. `algorithmicMedia`
 * and `dataDrivenMedia` (templates), `digitalCapture` and `humanEdits` do not.
 */
function sourceTypeKind(value: string): DisclosureKind | null {
  const term = (value.split(/[/#:]/).pop() ?? '').toLowerCase().replace(/[_\s-]/g, '');
  switch (term.replace(/digitalsource$/, '')) {
    case 'trainedalgorithmicmedia':
      return 'generated';
    case 'compositewithtrainedalgorithmicmedia':
    case 'compositesynthetic':
      return 'assisted';
    default:
      return null;
  }
}

function isSourceTypeKey(key: string): boolean {
  const name = key.split(/[/#:]/).pop() ?? '';
  return name.toLowerCase() === 'digitalsourcetype';
}

const SOURCE_TYPE_FIELDS = ['@id', 'uri', 'url', 'id', '@value', 'name', 'literal'];

/** Strings a JSON-LD or ninjs `digitalSourceType` value carries: IRIs, or one of `@id`/`uri`/… of an object, in arrays too. */
function sourceTypeValues(value: unknown, out: string[], depth = 0): void {
  if (depth > 4) return;
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) sourceTypeValues(item, out, depth + 1);
  else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const field = SOURCE_TYPE_FIELDS.find((key) => typeof record[key] === 'string');
    if (field !== undefined) out.push(record[field] as string);
  }
}

/** Every `digitalSourceType` value in a JSON-LD document, at any depth (also inside `@graph`). */
function jsonLdSourceTypes(text: string): string[] {
  const out: string[] = [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    const re = /"digitalSourceType"\s*:\s*(?:\{[^}]{0,300}?"@id"\s*:\s*)?"([^"]{1,300})"/gi;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push(m[1] ?? '');
    return out;
  }
  const stack: unknown[] = [parsed];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...node);
    else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (isSourceTypeKey(key)) sourceTypeValues(value, out);
        else stack.push(value);
      }
    }
  }
  return out;
}

const C2PA_AI = /compositeWithTrainedAlgorithmicMedia|compositeSynthetic|trainedAlgorithmicMedia/gi;

function decodeBase64(text: string): string | null {
  const clean = text.replace(/\s+/g, '');
  if (clean.length === 0 || !/^[A-Za-z0-9+/_-]+=*$/.test(clean)) return null;
  try {
    return atob(clean.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return null;
  }
}

/** The AI source types named in a C2PA manifest (base64 JUMBF/CBOR or plain text); strings in CBOR stay readable. */
function c2paKind(payload: string): { kind: DisclosureKind; term: string } | null {
  const decoded = decodeBase64(payload) ?? payload;
  let found: { kind: DisclosureKind; term: string } | null = null;
  C2PA_AI.lastIndex = 0;
  for (let m = C2PA_AI.exec(decoded); m !== null; m = C2PA_AI.exec(decoded)) {
    const kind = sourceTypeKind(m[0]);
    if (kind === 'generated') return { kind, term: m[0] };
    if (kind !== null && found === null) found = { kind, term: m[0] };
  }
  return found;
}

function startTag(el: Element): string {
  const html = el.outerHTML;
  const end = html.indexOf('>');
  return end < 0 ? html : html.slice(0, end + 1);
}

/**
 * Machine-readable AI labels: the `AIGC` meta (GB 45438-2025 Annex E), `ai-generated` and
 * `ai-disclosure` metas, schema.org/IPTC `digitalSourceType` in JSON-LD and microdata, C2PA
 * manifests embedded in the page that name an AI source type, and `ai-disclosure` attributes on
 * page elements. Microdata and C2PA are reported with source 'meta'. Training opt-outs (noai,
 * tdm-reservation), `generator` and a manifest that cannot be read are not disclosures.
 */
export function findMarkupDisclosures(doc: Document): MarkupDisclosure[] {
  return runSteps(markupDisclosureSteps(doc));
}

/** `findMarkupDisclosures` as a pass that yields every few hundred elements (see steps.ts). */
export function* markupDisclosureSteps(doc: Document): Steps<MarkupDisclosure[]> {
  const out: MarkupDisclosure[] = [];
  // One JSON-LD disclosure per kind: pages repeat the same type on the article and each of its images.
  const seenSourceTypes = new Set<DisclosureKind>();
  const body = doc.body;
  // Elements come in document order, so every element after <body> lies inside it.
  let inBody = false;
  // One pass over the elements: selectors cost a full tree walk each in DOM shims (linkedom).
  const root = doc.documentElement;
  if (!root) return out;
  const walker = doc.createTreeWalker(root, 1);
  let count = 0;
  for (let node: Node | null = root; node !== null; node = walker.nextNode()) {
    if (++count % STEP === 0) yield;
    const el = node as Element;
    if (el === body) inBody = true;
    if (!el.hasAttributes()) continue;
    const tag = el.tagName.toLowerCase();
    if (tag === 'meta') out.push(...metaDisclosures(el));
    else if (tag === 'script') out.push(...scriptDisclosures(el, seenSourceTypes));
    else if (tag === 'link') out.push(...linkDisclosures(el));
    if (el.hasAttribute('itemprop')) out.push(...microdataDisclosures(el));
    if (inBody && tag !== 'meta') out.push(...attributeDisclosures(el));
  }
  return out;
}

function metaDisclosures(el: Element): MarkupDisclosure[] {
  const name = (el.getAttribute('name') ?? el.getAttribute('http-equiv') ?? '').trim().toLowerCase();
  const content = el.getAttribute('content') ?? '';
  let kind: DisclosureKind | null = null;
  if (name === 'aigc') {
    const label = aigcLabel(content);
    kind = label === null ? null : aigcKind(label);
  } else if (name === 'ai-generated' || name === 'ai-disclosure') {
    kind = declaredKind(content);
  }
  return kind ? [markup(kind, 'meta', el.outerHTML, el)] : [];
}

function scriptDisclosures(el: Element, seen: Set<DisclosureKind>): MarkupDisclosure[] {
  const type = (el.getAttribute('type') ?? '').trim().toLowerCase();
  if (type !== 'application/c2pa' && type !== 'application/ld+json') return [];
  const text = el.textContent ?? '';
  if (type === 'application/c2pa') {
    const found = c2paKind(text);
    return found ? [markup(found.kind, 'meta', `<script type="application/c2pa"> digitalSourceType: ${found.term}`, el)] : [];
  }
  const out: MarkupDisclosure[] = [];
  for (const value of jsonLdSourceTypes(text)) {
    const kind = sourceTypeKind(value);
    if (!kind || seen.has(kind)) continue;
    seen.add(kind);
    out.push(markup(kind, 'json-ld', `"digitalSourceType": "${value}"`, el));
  }
  return out;
}

/** A manifest linked by URL cannot be read without fetching it; only an inline `data:` manifest counts. */
function linkDisclosures(el: Element): MarkupDisclosure[] {
  const rels = (el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
  const href = el.getAttribute('href') ?? '';
  if (!rels.includes('c2pa-manifest') || !href.startsWith('data:')) return [];
  const comma = href.indexOf(',');
  if (comma < 0) return [];
  const payload = href.slice(comma + 1);
  let text = payload;
  if (!/;base64$/i.test(href.slice(0, comma))) {
    try {
      text = decodeURIComponent(payload);
    } catch {
      text = payload;
    }
  }
  const found = c2paKind(text);
  return found ? [markup(found.kind, 'meta', `${startTag(el).slice(0, 200)} digitalSourceType: ${found.term}`, el)] : [];
}

function microdataDisclosures(el: Element): MarkupDisclosure[] {
  const props = (el.getAttribute('itemprop') ?? '').split(/\s+/);
  if (!props.some(isSourceTypeKey)) return [];
  const value = el.getAttribute('href') ?? el.getAttribute('content') ?? el.getAttribute('value') ?? el.textContent ?? '';
  const kind = sourceTypeKind(value.trim());
  return kind ? [markup(kind, 'meta', startTag(el), el)] : [];
}

const DISCLOSURE_ATTRIBUTES = ['ai-disclosure', 'aidisclosure', 'data-ai-disclosure'];

function attributeDisclosures(el: Element): MarkupDisclosure[] {
  for (const name of DISCLOSURE_ATTRIBUTES) {
    const value = el.getAttribute(name);
    if (value === null) continue;
    const kind = declaredKind(value);
    return kind ? [markup(kind, 'attribute', startTag(el), el)] : [];
  }
  return [];
}
