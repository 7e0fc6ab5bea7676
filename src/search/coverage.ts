import type { Release } from '../corpus/release.js';
import { synonymsOf } from '../nlp/synonyms.js';
import { invert } from './invert.js';
import type { ParsedQuestion } from './question.js';
import { releaseTerms } from './sentences.js';
import { searchTerms } from '../nlp/terms.js';

const NONE: number[] = [];

/** A passage: the title plus this many consecutive sentences. */
const PASSAGE_SENTENCES = 3;

/** Which sentences of one release hold a term. */
export class TermOccurrences {
  /** `sentencesWith` is usually known already (sentences.ts keeps it with the sentence terms). */
  constructor(
    readonly sentences: Set<string>[],
    private readonly sentencesWith: Map<string, number[]> = invert(sentences),
  ) {}

  /** Indices of the sentences that hold `term`, ascending. */
  of(term: string): number[] {
    return this.sentencesWith.get(term) ?? NONE;
  }
}

export interface ReleaseCoverage {
  /** Share of the question's weight found anywhere in the release (0–1). */
  whole: number;
  /** The best share found in the title plus a few consecutive sentences. */
  passage: number;
  /** Share found in the title. */
  title: number;
}

interface WeighedTerm {
  id: number;
  synonymIds: number[];
  weight: number;
}

/**
 * How much of a question's weight a release covers. The question's terms, their synonyms and weights are laid out
 * once, then each candidate is measured against them. A term found only through its synonym counts half: the
 * release may use the word in another sense.
 */
export class QuestionCoverage {
  /** The question's terms and their synonyms, each once: a term is known by its position here (its id). */
  private readonly terms: string[] = [];
  /** The question's terms in question order, the order their weights are summed in. */
  private readonly weighed: WeighedTerm[];
  private readonly totalWeight: number;
  /** Finding more terms never lowers a share while no weight is negative (idf weights never are). */
  private readonly moreIsNeverLess: boolean;

  constructor(
    private readonly question: ParsedQuestion,
    weights: Map<string, number>,
  ) {
    const ids = new Map<string, number>();
    const idOf = (term: string): number => {
      let id = ids.get(term);
      if (id === undefined) {
        id = this.terms.push(term) - 1;
        ids.set(term, id);
      }
      return id;
    };
    this.weighed = question.terms.map((term) => ({ id: idOf(term), synonymIds: synonymsOf(term).map(idOf), weight: weights.get(term) ?? 0 }));
    this.totalWeight = this.weighed.reduce((sum, term) => sum + term.weight, 0) || 1;
    this.moreIsNeverLess = this.weighed.every((term) => term.weight >= 0);
  }

  of(release: Release, titleTerms: Set<string>, occurrences: TermOccurrences): ReleaseCoverage {
    const inTitle = this.terms.map((term) => this.isAbout(release, term) || titleTerms.has(term));
    const sentencesWith = this.terms.map((term) => occurrences.of(term));
    const title = this.share(inTitle);
    const whole = this.share(inTitle.map((found, id) => found || sentencesWith[id]!.length > 0));
    const passage = this.bestPassage(inTitle, sentencesWith, occurrences.sentences.length, title, whole);
    return { whole, passage, title };
  }

  /** A demonym or capital in the question ("thai", "canberra") is answered by a release about that country. */
  private isAbout(release: Release, term: string): boolean {
    return this.question.countryTerms.get(term)?.some((code) => release.countries.includes(code)) ?? false;
  }

  /** The share of the question's weight in the terms `found` (indexed by term id) marks. */
  private share(found: boolean[]): number {
    let sum = 0;
    for (const { id, synonymIds, weight } of this.weighed) sum += weight * (found[id] ? 1 : synonymIds.some((synonym) => found[synonym]) ? 0.5 : 0);
    return sum / this.totalWeight;
  }

  /**
   * The best share found in the title plus a few consecutive sentences: long transcripts that mention every word
   * somewhere do not beat a release that answers in one place.
   */
  private bestPassage(inTitle: boolean[], sentencesWith: number[][], sentenceCount: number, title: number, whole: number): number {
    const termsAt = invert(sentencesWith);
    // A passage starting at a sentence without any of the terms holds no more of them than the one starting at its
    // first sentence that has some (or, with none, than the title alone). While more is never less, only passages
    // starting at a sentence with some of the terms need measuring.
    const starts = this.moreIsNeverLess ? termsAt.keys() : Array.from({ length: sentenceCount }, (_, start) => start);
    let best = title;
    for (const start of starts) {
      if (this.moreIsNeverLess && best === whole) break; // no passage holds more than the whole release
      const found = [...inTitle];
      for (let index = start; index < start + PASSAGE_SENTENCES; index++) for (const id of termsAt.get(index) ?? []) found[id] = true;
      best = Math.max(best, this.share(found));
    }
    return best;
  }
}

/**
 * Whether a release holds any of the question's own words besides its countries, where one of them is rare in the
 * corpus: "what was the weather in kenya in july" shares only "kenya" with a readout of July, and "weather" says it
 * asks about something no release of Kenya tells. Common words ("how long have the US and Comoros had relations")
 * may be paraphrased away, so they do not count. Measured: off-topic questions answered 9 → 8 of 40 (fresh list)
 * and 7 → 4 of 10 naming a country and a month; one more release found among 764 read questions, none lost.
 */
export function ownWordsCheck(question: ParsedQuestion, idf: (term: string) => number): (release: Release) => boolean {
  const own = question.terms.filter((term) => !question.countryTerms.has(term));
  if (!own.some((term) => idf(term) >= RARE_TERM_IDF)) return () => true;
  const related = [...own, ...question.expansions.filter((term) => !question.countryTerms.has(term))];
  return (release) => {
    const { sentencesWith } = releaseTerms(release);
    const title = new Set(searchTerms(release.title));
    return related.some((term) => sentencesWith.has(term) || title.has(term));
  };
}

/** A term in about one release in twenty or fewer (idf ≥ 3) is rare. Measured alike from 2.5 to 4. */
const RARE_TERM_IDF = 3;
