/** The lists we use from the npm package `stopword` 3.x (it ships no types). */
declare module 'stopword' {
  export const ara: string[];
  export const eng: string[];
  export const fas: string[];
  export const rus: string[];
  export const tur: string[];
}
