/** Placeholder until the detector is chosen. */
export function detectLanguage(_texts: readonly string[], _siteLanguage: string): string | undefined {
  return undefined;
}
