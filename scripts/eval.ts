import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadFiles } from '../src/corpus/load.js';
import { preprocess } from '../src/corpus/preprocess.js';
import { Engine } from '../src/search/engine.js';
import { OFF_TOPIC_QUESTIONS, answerQuality, answeredOffTopic, readLines, type EvalQuestion } from './quality.js';
import { EVAL_COUNTRIES, EVAL_QUESTIONS, SHARED_CORPUS, SHARED_DIR, loadSharedReleases, readJsonLines, releaseKey, sharedAvailable } from './shared.js';

/**
 * `npm run eval [-- --verbose] [--disk] [--corpus file…] [--questions file.jsonl…] [--countries file.jsonl]`: answer
 * quality on ../shared/eval (Hit@1, Hit@3, answer-phrase rate), off-topic questions answered anyway, and country-tag
 * precision and recall. Both corpora are searched together, as the bot would hold them, with any more releases
 * given by `--corpus` (any format `import` reads): questions about releases that are not in ../shared.
 */
/**
 * The engine over both corpora, with its index in memory (MiniSearch) or, with `--disk`, on disk (SQLite FTS5, the
 * shared corpus imported into a temporary data dir as `npm run cli -- import` would).
 */
async function openEngine(index: 'memory' | 'disk', extraCorpora: string[]): Promise<Engine> {
  if (index === 'memory') {
    const builtin = await Engine.open({ builtin: true });
    const extra = await loadFiles(extraCorpora);
    if (extra.errors.length > 0) throw new Error(extra.errors.join('\n'));
    return Engine.fromReleases([...builtin.all(), ...loadSharedReleases(), ...extra.releases.map(preprocess)]);
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'statebot-eval-'));
  process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  const engine = await Engine.open({ dataDir, builtin: true, searchIndex: 'disk' });
  const report = await engine.importFiles([SHARED_CORPUS, ...extraCorpora]);
  if (report.errors.length > 0) throw new Error(report.errors.join('\n'));
  return engine;
}

/** Every value given after `flag` (`--corpus a.jsonl --corpus b.jsonl`). */
function argValues(flag: string): string[] {
  const values: string[] = [];
  process.argv.forEach((arg, i) => {
    const value = process.argv[i + 1];
    if (arg === flag && value && !value.startsWith('--')) values.push(value);
  });
  return values;
}

async function main(): Promise<void> {
  if (!sharedAvailable()) {
    console.log(`eval: skipped — the shared evaluation data (${SHARED_DIR}) is not there.`);
    return;
  }
  const verbose = process.argv.includes('--verbose');
  const extraCorpora = argValues('--corpus');
  const engine = await openEngine(process.argv.includes('--disk') ? 'disk' : 'memory', extraCorpora);
  // Other question files in the same format (held-out sets of your own): --questions <file>, repeatable.
  const given = argValues('--questions');
  const questionsFiles = given.length > 0 ? given : [EVAL_QUESTIONS];
  const { tallies, outcomes } = answerQuality(engine, questionsFiles.flatMap((file) => readJsonLines<EvalQuestion>(file)));
  if (verbose) {
    for (const { question: q, hit1, phrase, got, answer } of outcomes) {
      if (hit1 && phrase) continue;
      console.log(`${q.id} ${hit1 ? 'hit' : 'MISS'} ${phrase ? 'phrase' : 'NO-PHRASE'} ${q.question}`);
      console.log(`   gold:   ${q.gold_date} ${q.gold_title}`);
      console.log(`   got:    ${got ? `${got.date} ${got.title}` : '(none)'}`);
      console.log(`   answer: ${answer ?? '(none)'}`);
    }
  }
  const searched = extraCorpora.length > 0 ? 'both corpora and the --corpus releases searched together' : 'both corpora searched together';
  console.log(`\nQuestions (${questionsFiles.map((file) => path.relative(process.cwd(), file)).join(', ')}, ${searched})`);
  console.log(table(['group', 'n', 'Hit@1', 'Hit@3', 'answer phrase'], [...tallies].map(([group, t]) => [group, String(t.n), rate(t.hit1, t.n), rate(t.hit3, t.n), rate(t.phrase, t.n)])));

  const offTopic = readLines(OFF_TOPIC_QUESTIONS);
  const answered = answeredOffTopic(engine, offTopic);
  console.log(`\nOff-topic questions (${path.relative(process.cwd(), OFF_TOPIC_QUESTIONS)}) answered anyway: ${answered.length} of ${offTopic.length}`);
  if (verbose) for (const { question, title } of answered) console.log(`   ${question} → ${title}`);

  try {
    const { evaluateCountryTags } = await import('../src/countries/evaluate.js');
    const countriesAt = process.argv.indexOf('--countries');
    const countriesFile = countriesAt >= 0 && process.argv[countriesAt + 1] ? process.argv[countriesAt + 1]! : EVAL_COUNTRIES;
    const labels = readJsonLines<Parameters<typeof evaluateCountryTags>[0][number]>(countriesFile);
    const byKey = new Map(engine.all().map((r) => [releaseKey(r.title, r.date), r]));
    const report = evaluateCountryTags(labels, (label) => byKey.get(releaseKey(label.title, label.date)));
    const row = (name: string, s: { precision: number; recall: number; truePositives: number }) => [name, s.precision.toFixed(3), s.recall.toFixed(3), String(s.truePositives)];
    console.log(`\nCountry tags (${path.relative(process.cwd(), countriesFile)}, ${report.items.length} releases${report.missing.length ? `, ${report.missing.length} not found` : ''})`);
    console.log(table(['tags', 'precision', 'recall', 'correct'], [row('about (countries)', report.about), row('about + mentioned', report.any)]));
    if (verbose) for (const item of report.items) if (item.aboutExtra.length || item.aboutMissing.length) console.log(`   ${item.label.title}: extra ${item.aboutExtra.join(',') || '-'} missing ${item.aboutMissing.join(',') || '-'}`);
  } catch (error) {
    console.log(`\ncountry tags: not evaluated (${(error as Error).message})`);
  }
}

function rate(k: number, n: number): string {
  return n ? (k / n).toFixed(3) : '-';
}

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
