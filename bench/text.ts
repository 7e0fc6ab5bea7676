/** Text helpers shared by the corpus generator, the question generator and the baselines. */

/** The evaluation set's title normalization: trim, and any run of whitespace (U+00A0, U+202F too) becomes one space. */
export function normalizeTitle(title: string): string {
  return title.replace(/[\s\u00a0\u202f]+/gu, ' ').trim();
}

/** Identity of a release in the evaluation set: normalized title + date. */
export function releaseIdentity(title: string, date: string): string {
  return `${normalizeTitle(title).toLowerCase()}|${date}`;
}

/** Words as a reader sees them: letters and digits, keeping inner apostrophes ("Georgia’s"). */
export function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
}

const STOPWORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each few for from further had has have having he ' +
    'her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not ' +
    'now of off on once only or other our ours ourselves out over own same she should so some such than that the ' +
    'their theirs them themselves then there these they this those through to too under until up very was we were ' +
    'what when where which while who whom why will with would you your yours yourself yourselves said says say ' +
    'today also well one two three many much per via mr ms'
  ).split(' '),
);

/** Words that carry meaning: no stopwords, no one- or two-letter tokens, no bare numbers below 1000. */
export function contentWords(text: string): string[] {
  return words(text).filter((word) => {
    const lower = word.toLowerCase();
    if (STOPWORDS.has(lower) || word.length < 3) return false;
    return !/^\d{1,3}$/.test(word);
  });
}

/** Rough sentence split, good enough to draw question material from (the engine uses wink-nlp). */
export function roughSentences(paragraph: string): string[] {
  return paragraph
    .split(/(?<=[.!?][”"’]?)\s+(?=[“"A-Z])/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}
