import { nlp } from './wink.js';

// wink can split after an abbreviation it does not know; these never end a sentence in State Department prose.
// Titles, ranks and "(ret.)" come before a name; a month's abbreviation before its day.
const NON_TERMINAL =
  /\b(?:Mr|Mrs|Ms|Dr|Amb|Gen|Lt|Col|Maj|Capt|Adm|Cmdr|Sgt|Brig|Prof|Hon|Rev|Sen|Rep|Gov|Jr|Sr|St|No|Nos|Vol|approx|e\.g|i\.e|[A-Z]|Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.$|\((?:ret|Ret)\.\)$/;

// "… met in Washington, D.C. The Secretary …": an abbreviated place ends its sentence when a capital follows.
const PLACE_AT_END = /\bD\.C\.$/;

/** Splits a paragraph into sentences with wink-nlp, re-joining splits after abbreviations and initials. */
export function splitSentences(paragraph: string): string[] {
  const raw: string[] = nlp.readDoc(paragraph).sentences().out();
  const sentences: string[] = [];
  for (const piece of raw) {
    const text = piece.trim();
    if (!text) continue;
    const previous = sentences[sentences.length - 1];
    if (previous !== undefined && ((NON_TERMINAL.test(previous) && !PLACE_AT_END.test(previous)) || /^[a-z0-9(]/.test(text))) {
      sentences[sentences.length - 1] = `${previous} ${text}`;
    } else {
      sentences.push(text);
    }
  }
  return sentences;
}
