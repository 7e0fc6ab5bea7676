/**
 * Country tagging against the hand labels in ../shared/eval/countries.jsonl.
 *   npx tsx scripts/eval-countries.ts [--all]
 * Prints micro precision/recall of `countries` (about) and of countries ∪ mentioned, then every miss
 * (--all: every release). Seed releases are read from corpus/raw/<year>/*.txt, the others from
 * ../shared/corpus/statedept-2021.jsonl. STATEBOT_SHARED overrides where the shared folder is.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  evaluateCountryTags,
  releaseKey,
  type CountryLabel,
  type LabelledRelease,
  type Score,
} from '../src/countries/evaluate.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.STATEBOT_SHARED ?? path.resolve(root, '../shared');
const labelsPath = path.join(shared, 'eval/countries.jsonl');
const corpusPath = path.join(shared, 'corpus/statedept-2021.jsonl');
const seedDir = path.join(root, 'corpus/raw');

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

function splitParagraphs(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '');
}

/** Seed format: title / date line ("3 Dec") / byline / blank / paragraphs; the year is the folder's name. */
function readSeed(file: string, year: string): { key: string; release: LabelledRelease } | null {
  const lines = readFileSync(file, 'utf8').replace(/\r\n?/g, '\n').split('\n');
  const [title, dateLine, office] = lines;
  const date = /^(\d{1,2})\s+([A-Za-z]{3})/.exec(dateLine?.trim() ?? '');
  if (!title || !date) return null;
  const month = MONTHS.indexOf(date[2]!.toLowerCase()) + 1;
  const iso = `${year}-${String(month).padStart(2, '0')}-${date[1]!.padStart(2, '0')}`;
  return {
    key: releaseKey(title, iso),
    release: { title, office: office?.trim() || null, paragraphs: splitParagraphs(lines.slice(3).join('\n')) },
  };
}

function loadSeed(): Map<string, LabelledRelease> {
  const releases = new Map<string, LabelledRelease>();
  if (!existsSync(seedDir)) return releases;
  for (const year of readdirSync(seedDir).filter((d) => /^\d{4}$/.test(d))) {
    for (const file of readdirSync(path.join(seedDir, year)).filter((f) => f.endsWith('.txt'))) {
      const seed = readSeed(path.join(seedDir, year, file), year);
      if (seed) releases.set(seed.key, seed.release);
    }
  }
  return releases;
}

function loadStatedept(): Map<string, LabelledRelease> {
  const releases = new Map<string, LabelledRelease>();
  if (!existsSync(corpusPath)) return releases;
  for (const r of readJsonl<{ title: string; date: string; office: string | null; body: string }>(corpusPath)) {
    releases.set(releaseKey(r.title, r.date), { title: r.title, office: r.office, paragraphs: splitParagraphs(r.body) });
  }
  return releases;
}

function format(name: string, s: Score): string {
  return `${name.padEnd(28)} precision ${s.precision.toFixed(3)}  recall ${s.recall.toFixed(3)}  (tp ${s.truePositives}, fp ${s.falsePositives}, fn ${s.falseNegatives})`;
}

function main() {
  if (!existsSync(labelsPath)) {
    console.error(`No labels at ${labelsPath} (set STATEBOT_SHARED to the shared folder).`);
    process.exitCode = 1;
    return;
  }
  const labels = readJsonl<CountryLabel>(labelsPath);
  const corpora: Record<string, Map<string, LabelledRelease>> = { seed: loadSeed(), 'statedept-2021': loadStatedept() };
  const report = evaluateCountryTags(labels, (label) => corpora[label.corpus]?.get(releaseKey(label.title, label.date)));
  const showAll = process.argv.includes('--all');

  console.log(`Country tagging: ${report.items.length} of ${labels.length} labelled releases found`);
  console.log(format('countries (about)', report.about));
  console.log(format('countries ∪ mentioned', report.any));
  for (const corpus of Object.keys(corpora)) {
    const sub = evaluateCountryTags(
      labels.filter((l) => l.corpus === corpus),
      (label) => corpora[label.corpus]?.get(releaseKey(label.title, label.date)),
    );
    if (sub.items.length > 0) console.log(`  ${corpus.padEnd(16)} about P ${sub.about.precision.toFixed(3)} R ${sub.about.recall.toFixed(3)} | any P ${sub.any.precision.toFixed(3)} R ${sub.any.recall.toFixed(3)}`);
  }
  for (const item of report.items) {
    const miss = item.aboutExtra.length + item.aboutMissing.length + item.anyExtra.length + item.anyMissing.length > 0;
    if (!miss && !showAll) continue;
    console.log(`\n${miss ? '✗' : '✓'} [${item.label.corpus} ${item.label.date}] ${item.label.title}`);
    console.log(`    labels:    countries ${JSON.stringify(item.label.countries)} passing ${JSON.stringify(item.label.passing)}`);
    console.log(`    predicted: countries ${JSON.stringify(item.predicted.countries)} mentioned ${JSON.stringify(item.predicted.mentioned)}`);
    if (item.aboutExtra.length) console.log(`    about, not labelled so: ${item.aboutExtra.join(' ')}`);
    if (item.aboutMissing.length) console.log(`    about, missed: ${item.aboutMissing.join(' ')}`);
    if (item.anyExtra.length) console.log(`    tagged, not labelled at all: ${item.anyExtra.join(' ')}`);
    if (item.anyMissing.length) console.log(`    labelled, not tagged at all: ${item.anyMissing.join(' ')}`);
  }
  for (const label of report.missing) console.log(`\n? release not found: [${label.corpus} ${label.date}] ${label.title}`);
}

main();
