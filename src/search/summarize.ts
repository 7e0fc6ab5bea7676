import type { Release } from '../corpus/release.js';
import { SPEAKER_LABEL } from '../corpus/turns.js';
import { searchTerms } from '../nlp/terms.js';
import { isBoilerplate, isPreamble, sentenceTerms, startsDangling } from './sentences.js';

/**
 * An extractive summary: the sentences that share most with the title and the rest of the release, favouring the
 * opening, returned in document order. A sentence that leans on the one before it ("This ...", "He ...") is only
 * taken together with that sentence.
 */
export function summarizeRelease(release: Release, count = 3): string[] {
  const candidates = release.sentences
    .map((sentence, index) => ({ sentence, index }))
    .filter(({ sentence }) => !isBoilerplate(sentence.text) && !isPreamble(sentence.text) && !isSpeakerLabel(sentence.text) && sentence.text.split(/\s+/).length >= 5);
  if (candidates.length <= count) return candidates.map((c) => c.sentence.text);

  const terms = sentenceTerms(release);
  const frequency = new Map<string, number>();
  for (const set of terms) for (const term of set) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  const titleTerms = new Set(searchTerms(release.title));

  const scored = candidates.map(({ sentence, index }, order) => {
    const own = terms[index]!;
    let centrality = 0;
    for (const term of own) centrality += (frequency.get(term) ?? 1) - 1 + (titleTerms.has(term) ? 2 : 0);
    const length = Math.max(8, own.size);
    let score = centrality / Math.sqrt(length) + (order === 0 ? 3 : 0) + 2 / (order + 1);
    if (startsDangling(sentence.text)) score *= 0.6;
    return { index, score };
  });
  scored.sort((a, b) => b.score - a.score);

  const chosen = new Set<number>();
  for (const { index } of scored) {
    if (chosen.size >= count) break;
    const text = release.sentences[index]!.text;
    if (startsDangling(text) && !chosen.has(index - 1)) {
      // Take its antecedent too when there is room, else skip it.
      const previous = release.sentences[index - 1];
      if (!previous || chosen.size + 2 > count || isBoilerplate(previous.text) || isPreamble(previous.text)) continue;
      chosen.add(index - 1);
    }
    chosen.add(index);
  }
  return [...chosen].sort((a, b) => a - b).map((index) => release.sentences[index]!.text);
}

/** A transcript's label with little after it ("SECRETARY BLINKEN: Thank you."): no summary line. */
function isSpeakerLabel(text: string): boolean {
  return SPEAKER_LABEL.test(text) && text.split(/\s+/).length < 8;
}
