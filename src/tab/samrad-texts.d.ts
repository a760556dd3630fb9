/** Built by scripts/build-tab.mjs from locales/<locale>/*.json: the keys the tab shows. */
declare module 'samrad:texts' {
  const texts: { readonly nb: Readonly<Record<string, string>>; readonly en: Readonly<Record<string, string>> };
  export default texts;
}
