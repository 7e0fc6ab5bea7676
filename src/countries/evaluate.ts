import { tagCountries } from './tagger.js';

/**
 * Scores the tagger against hand labels (shared/eval/countries.jsonl): micro precision and recall of `countries`
 * against the labels' `countries`, and of countries ∪ mentioned against countries ∪ passing.
 */
export interface CountryLabel {
  corpus: string;
  title: string;
  /** yyyy-mm-dd */
  date: string;
  countries: string[];
  passing: string[];
}

export interface LabelledRelease {
  title: string;
  paragraphs: string[];
  office?: string | null;
}

/** Finds the release a label describes (by corpus, title and date); undefined when it is not available. */
export type ReleaseLookup = (label: CountryLabel) => LabelledRelease | null | undefined;

export interface Score {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

export interface CountryEvalItem {
  label: CountryLabel;
  predicted: { countries: string[]; mentioned: string[] };
  /** In `countries` but not labelled so / labelled so but not in `countries`. */
  aboutExtra: string[];
  aboutMissing: string[];
  /** Same, over both lists together. */
  anyExtra: string[];
  anyMissing: string[];
}

export interface CountryEvalReport {
  /** `countries` vs the labels' `countries`. */
  about: Score;
  /** countries ∪ mentioned vs countries ∪ passing. */
  any: Score;
  items: CountryEvalItem[];
  /** Labels whose release could not be found. */
  missing: CountryLabel[];
}

/** Titles compared with whitespace normalized (U+00A0 and U+202F included), as the labels' README asks. */
export function normalizeTitle(title: string): string {
  return title.replace(/[\s\u00A0\u202F\u2007\u2009]+/g, ' ').trim();
}

/** The key a lookup can index releases by: normalized title and date. */
export function releaseKey(title: string, date: string): string {
  return `${normalizeTitle(title)}\u0000${date}`;
}

function score(tp: number, fp: number, fn: number): Score {
  return {
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
  };
}

function difference(a: Iterable<string>, b: Set<string>): string[] {
  return [...a].filter((x) => !b.has(x));
}

export function evaluateCountryTags(labels: CountryLabel[], releasesLookup: ReleaseLookup): CountryEvalReport {
  const items: CountryEvalItem[] = [];
  const missing: CountryLabel[] = [];
  const about = { tp: 0, fp: 0, fn: 0 };
  const any = { tp: 0, fp: 0, fn: 0 };

  for (const label of labels) {
    const release = releasesLookup(label);
    if (!release) {
      missing.push(label);
      continue;
    }
    const predicted = tagCountries(release.title, release.paragraphs, release.office ?? null);
    const goldAbout = new Set(label.countries);
    const goldAny = new Set([...label.countries, ...label.passing]);
    const predAbout = new Set(predicted.countries);
    const predAny = new Set([...predicted.countries, ...predicted.mentioned]);

    const aboutExtra = difference(predAbout, goldAbout);
    const aboutMissing = difference(goldAbout, predAbout);
    const anyExtra = difference(predAny, goldAny);
    const anyMissing = difference(goldAny, predAny);
    about.tp += predAbout.size - aboutExtra.length;
    about.fp += aboutExtra.length;
    about.fn += aboutMissing.length;
    any.tp += predAny.size - anyExtra.length;
    any.fp += anyExtra.length;
    any.fn += anyMissing.length;
    items.push({ label, predicted, aboutExtra, aboutMissing, anyExtra, anyMissing });
  }
  return {
    about: score(about.tp, about.fp, about.fn),
    any: score(any.tp, any.fp, any.fn),
    items,
    missing,
  };
}
