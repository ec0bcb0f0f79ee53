/** Folds runs of white space (including NBSP and line breaks) to one space and trims. */
export function foldSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
