/** The languages Samråd speaks: bokmål first, English second (every catalogue has both). */
export const locales = ['nb', 'en'] as const;
export type Locale = (typeof locales)[number];
