/** One section of `npm run -s eval`: a measurement on held-out data, as lines and as JSON. */
export interface EvalSection {
  /** The key of its figures in `--json` output, and the name `--section` takes. */
  name: string;
  run(): Promise<{ lines: string[]; result: unknown }>;
}
