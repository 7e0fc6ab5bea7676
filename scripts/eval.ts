import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Engine } from '../src/search/engine.js';
import { OFF_TOPIC_QUESTIONS, answerQuality, answeredOffTopic, readLines, type EvalQuestion } from './quality.js';
import { EVAL_COUNTRIES, EVAL_QUESTIONS, SHARED_CORPUS, SHARED_DIR, loadSharedReleases, readJsonLines, releaseKey, sharedAvailable } from './shared.js';

/**
 * `npm run eval [-- --verbose] [--disk] [--questions file.jsonl] [--countries file.jsonl]`: answer quality on ../shared/eval (Hit@1, Hit@3, answer-phrase rate), off-topic questions answered anyway, and
 * country-tag precision and recall. Both corpora are searched together, as the bot would hold them.
 */
/**
 * The engine over both corpora, with its index in memory (MiniSearch) or, with `--disk`, on disk (SQLite FTS5, the
 * shared corpus imported into a temporary data dir as `npm run cli -- import` would).
 */
async function openEngine(index: 'memory' | 'disk'): Promise<Engine> {
  if (index === 'memory') {
    const builtin = await Engine.open({ builtin: true });
    return Engine.fromReleases([...builtin.all(), ...loadSharedReleases()]);
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'statebot-eval-'));
  process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  const engine = await Engine.open({ dataDir, builtin: true, searchIndex: 'disk' });
  const report = await engine.importFiles([SHARED_CORPUS]);
  if (report.errors.length > 0) throw new Error(report.errors.join('\n'));
  return engine;
}

async function main(): Promise<void> {
  if (!sharedAvailable()) {
    console.log(`eval: skipped — the shared evaluation data (${SHARED_DIR}) is not there.`);
    return;
  }
  const verbose = process.argv.includes('--verbose');
  const engine = await openEngine(process.argv.includes('--disk') ? 'disk' : 'memory');
  // Another question file in the same format (a held-out set of your own): --questions <file>.
  const questionsAt = process.argv.indexOf('--questions');
  const questionsFile = questionsAt >= 0 && process.argv[questionsAt + 1] ? process.argv[questionsAt + 1]! : EVAL_QUESTIONS;
  const { tallies, outcomes } = answerQuality(engine, readJsonLines<EvalQuestion>(questionsFile));
  if (verbose) {
    for (const { question: q, hit1, phrase, got, answer } of outcomes) {
      if (hit1 && phrase) continue;
      console.log(`${q.id} ${hit1 ? 'hit' : 'MISS'} ${phrase ? 'phrase' : 'NO-PHRASE'} ${q.question}`);
      console.log(`   gold:   ${q.gold_date} ${q.gold_title}`);
      console.log(`   got:    ${got ? `${got.date} ${got.title}` : '(none)'}`);
      console.log(`   answer: ${answer ?? '(none)'}`);
    }
  }
  console.log(`\nQuestions (${path.relative(process.cwd(), questionsFile)}, both corpora searched together)`);
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
