/** What a use case answers; the Teams adapter turns it into activities. Text is already translated. */
export type Reply =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'card'; readonly card: string; readonly data: object };
