/** The parts of the `stopword` package (which ships no types) that Dateline uses: its word lists. */
declare module 'stopword' {
  export const eng: readonly string[];
  export const fra: readonly string[];
  export const deu: readonly string[];
  export const spa: readonly string[];
  export const ita: readonly string[];
  export const por: readonly string[];
  export const nld: readonly string[];
  export const ara: readonly string[];
  export const rus: readonly string[];
  export const tur: readonly string[];
}
