/** One section of `npm run -s eval`: a measurement on held-out data, as lines and as JSON. */
export interface EvalSection {
  /** The key of its figures in `--json` output, and the name `--section` takes. */
  name: string;
  /**
   * Scores the development part, what rules are tuned on: run only when named with `--section`,
   * never in the default run, which prints held-out figures.
   */
  development?: true;
  run(): Promise<{ lines: string[]; result: unknown }>;
}
