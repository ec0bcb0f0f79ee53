const NativeRegExp = RegExp;

/**
 * Sources of the patterns `new RegExp` builds while `run` runs (regex literals are not counted):
 * what a module's evaluation or a first call costs, counted without a clock.
 */
export async function patternsBuiltBy(run: () => unknown): Promise<string[]> {
  const built: string[] = [];
  globalThis.RegExp = new Proxy(NativeRegExp, {
    construct(target, args: [string | RegExp, string?]) {
      const re = new target(...args);
      built.push(re.source);
      return re;
    },
  });
  try {
    await run();
  } finally {
    globalThis.RegExp = NativeRegExp;
  }
  return built;
}
