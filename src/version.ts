/** Samråd's version, as in package.json (a unit test keeps them equal): sent in the Graph User-Agent. */
export const samradVersion = '0.1.0';
