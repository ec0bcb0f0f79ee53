import { describe, expect, it, vi } from 'vitest';
import { patternsBuiltBy } from './patterns-built';

/**
 * What a module's evaluation builds, counted without a clock: a fresh background or content script
 * pays for every table and pattern built at import before it reads the first page. The big agent
 * patterns are built on first use, and the DOM phase (the content script's engine) never uses them.
 */

describe('module evaluation', () => {
  it("the DOM phase's modules build no long pattern at import", async () => {
    vi.resetModules();
    const built = await patternsBuiltBy(() => import('../engine/snapshot'));
    // The counting works: the quick AI-name test is built at import (the DOM phase runs it).
    expect(built.length).toBeGreaterThan(0);
    const longest = Math.max(...built.map((source) => source.length));
    expect(longest).toBeLessThan(10_000);
  });

  it('the agent patterns are built on first use, once, and find the same agents', async () => {
    vi.resetModules();
    const names = await import('../engine/ai-names');
    const built = await patternsBuiltBy(async () => names.agentPatterns());
    expect(built.some((source) => source.length > 10_000)).toBe(true);
    expect(await patternsBuiltBy(async () => names.agentPatterns())).toEqual([]);
    const { spelled, written } = names.agentPatterns();
    const found = (re: RegExp, text: string) => [...text.matchAll(new RegExp(re.source, re.flags))].map((m) => m[0]);
    expect(found(spelled, 'this text was written by künstlichen intelligenz and 人工智能 tools')).toEqual(['künstlichen intelligenz', '人工智能']);
    // A name inside a longer word is no agent; an ending where the name takes one is.
    expect(found(spelled, 'artificial intelligences and neural networks')).toEqual(['neural networks']);
    expect(found(written, 'Made with ChatGPT and AI, not OpenAI')).toEqual(['ChatGPT', 'AI']);
  });

  it("the badge rules build a language's pattern when first read, once", async () => {
    vi.resetModules();
    const { RULES } = await import('../engine/disclosure-patterns');
    const english = RULES.find((rules) => rules.lang === 'en');
    if (english === undefined) throw new Error('no English rules');
    // Not built yet: still the getter that builds it.
    expect(Object.getOwnPropertyDescriptor(english, 'verb')?.get).toBeTypeOf('function');
    const verb = english.verb;
    expect(verb).toBe(english.verb);
    expect(Object.getOwnPropertyDescriptor(english, 'verb')?.value).toBe(verb);
    expect(Object.getOwnPropertyDescriptor(english, 'hedge')?.get).toBeTypeOf('function');
    expect(verb.test('Summarized by AI')).toBe(true);
    expect(english.link instanceof Set && english.link.has('using')).toBe(true);
    for (const rules of RULES) for (const key of Object.keys(rules)) expect(rules[key as keyof typeof rules]).toBeDefined();
  });
});
