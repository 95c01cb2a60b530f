// Each section of the UI texts is defined once in Russian (the reference) and once in English with exactly the
// same keys: `defineTexts` makes the compiler check that.

/** The same nested keys as T, every leaf a string. */
export type SameKeys<T> = { [K in keyof T]: T[K] extends string ? string : SameKeys<T[K]> }

export interface TextSection<T> {
  ru: T
  en: SameKeys<T>
}

export function defineTexts<const T>(ru: T, en: SameKeys<T>): TextSection<T> {
  return { ru, en }
}
