/** The benchmark run: corpora, questions, one isolated worker per system and size, the report. */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  BENCH_CACHE_DIR, composition, ensureCorpusFile, loadBuiltinFromFile, loadRealReleases, readRawJsonl,
  type CorpusSources,
} from './corpus.js';
import { benchQuestions, countryQueries, loadEvalQuestions, type BenchQuestion } from './questions.js';
import {
  checkTargets, loadAverage, machine, ratio, resultsText, type BaselineFigures, type BaselineName, type BenchResults, type SizeResult,
} from './report.js';
import { runWorker } from './run-worker.js';
import { SYSTEM_NAMES, type BuildReport, type SystemName } from './systems/types.js';
import { releaseIdentity } from './text.js';
import type { QuestionSet, ServeReport } from './worker.js';

export interface BenchOptions {
  sizes: number[];
  questions: number;
  warmup: number;
  systems: SystemName[];
  out: string;
  /** Write V8 CPU profiles of our engine's serving step into this directory. */
  cpuProfileDir?: string;
  log?: (line: string) => void;
}

interface SystemRun {
  build: BuildReport | null;
  serve: ServeReport;
  cold_start_s: number;
}

export async function runBench(options: BenchOptions): Promise<BenchResults> {
  const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'));
  mkdirSync(BENCH_CACHE_DIR, { recursive: true });
  const runDir = mkdtempSync(path.join(BENCH_CACHE_DIR, 'run-'));
  const notes: string[] = [];
  const loadAtStart = loadAverage();
  try {
    const sources = await loadSources(runDir, notes, log);
    const evalQuestions = sources.real ? loadEvalQuestions() : [];
    if (sources.real && evalQuestions.length === 0) notes.push('no ../shared/eval/questions.jsonl: no Hit@1');
    const latency = benchQuestions(evalQuestions, [...sources.builtin, ...(sources.real ?? [])], options.questions);
    const countries = countryQueries(options.questions);

    const sizes: SizeResult[] = [];
    for (const size of options.sizes) {
      log(`[${size}] corpus…`);
      const corpusFile = ensureCorpusFile(size, sources);
      const questions: QuestionSet = {
        latency,
        eval: evalQuestionsIn(size, sources, evalQuestions),
        countries,
        warmup: options.warmup,
      };
      const questionsFile = path.join(runDir, `questions-${size}.json`);
      writeFileSync(questionsFile, JSON.stringify(questions));
      const runs: Partial<Record<SystemName, SystemRun>> = {};
      const errors: string[] = [];
      for (const system of options.systems) {
        log(`[${size}] ${system}…`);
        try {
          runs[system] = await runSystem(system, corpusFile, path.join(runDir, `${size}-${system}`), questionsFile, options);
        } catch (error) {
          errors.push(`${system}: ${error instanceof Error ? error.message : String(error)}`);
          log(`[${size}] ${system} failed: ${errors.at(-1)}`);
        }
      }
      const result = sizeResult(size, sources, runs, questions.eval.length, errors);
      sizes.push(result);
      log(`[${size}] done`);
    }

    const results: BenchResults = {
      machine: machine(),
      date: new Date().toISOString(),
      load: { start: loadAtStart, end: loadAverage() },
      questions: {
        timed: latency.length,
        evaluation: latency.filter((question) => question.gold).length,
        generated: latency.filter((question) => !question.gold).length,
      },
      notes,
      sizes,
      targets: sizes.flatMap(checkTargets),
    };
    mkdirSync(path.dirname(options.out), { recursive: true });
    writeFileSync(options.out, JSON.stringify(results, null, 2) + '\n');
    process.stdout.write(resultsText(results));
    log(`results written to ${options.out}`);
    return results;
  } finally {
    rmSync(runDir, { recursive: true, force: true });
  }
}

async function loadSources(runDir: string, notes: string[], log: (line: string) => void): Promise<CorpusSources> {
  const real = loadRealReleases();
  if (!real) notes.push('../shared is absent: corpora are generated from the built-in corpus only, and there is no Hit@1');
  let builtin = loadBuiltinFromFile();
  if (!builtin) {
    const file = path.join(runDir, 'builtin.jsonl');
    try {
      await runWorker(['builtin', '--out', file]);
      builtin = existsSync(file) ? await readRawJsonl(file) : [];
    } catch (error) {
      log(`built-in corpus unavailable: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      builtin = [];
    }
  }
  if (builtin.length === 0) notes.push('the built-in corpus could not be loaded: corpora hold no built-in releases');
  return { builtin, real };
}

/** The evaluation questions whose gold release (title + date) is part of the corpus of `size`. */
function evalQuestionsIn(size: number, sources: CorpusSources, questions: BenchQuestion[]): BenchQuestion[] {
  const parts = composition(size, sources);
  const present = new Set(
    [...sources.builtin.slice(0, parts.builtin), ...(sources.real ?? []).slice(0, parts.real)].map((raw) =>
      releaseIdentity(raw.title, raw.date),
    ),
  );
  return questions.filter((question) => question.gold && present.has(releaseIdentity(question.gold.title, question.gold.date)));
}

async function runSystem(
  system: SystemName,
  corpusFile: string,
  dataDir: string,
  questionsFile: string,
  options: BenchOptions,
): Promise<SystemRun> {
  mkdirSync(dataDir, { recursive: true });
  const common = ['--system', system, '--corpus', corpusFile, '--data', dataDir];
  // MiniSearch persists nothing but the corpus: its serving step builds the index as it opens.
  const build = system === 'minisearch' ? null : (await runWorker<BuildReport>(['build', ...common])).result;
  const profile = system === 'ours' && options.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir] : [];
  const serve = await runWorker<ServeReport>(['serve', ...common, '--questions', questionsFile], { nodeFlags: profile });
  if (serve.result.errors.count > 0) {
    process.stderr.write(`${system}: ${serve.result.errors.count} errors while serving, first: ${serve.result.errors.first}\n`);
  }
  rmSync(dataDir, { recursive: true, force: true });
  return { build, serve: serve.result, cold_start_s: round(serve.ready_s ?? serve.wall_s, 3) };
}

const round = (value: number, digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits;

function sizeResult(
  size: number,
  sources: CorpusSources,
  runs: Partial<Record<SystemName, SystemRun>>,
  hit1Questions: number,
  errors: string[],
): SizeResult {
  const ours = runs.ours;
  const { releases: _releases, ...parts } = composition(size, sources);
  const result: SizeResult = {
    releases: size,
    composition: parts,
    preprocess_per_s: ours?.build?.preprocess_per_s != null ? round(ours.build.preprocess_per_s, 0) : null,
    build_s: ours?.build ? round(ours.build.build_s, 3) : null,
    import_s: ours?.build?.import_s != null ? round(ours.build.import_s, 3) : null,
    cold_start_s: ours?.cold_start_s ?? null,
    rss_mb: ours?.serve.memory.rss_mb ?? null,
    heap_mb: ours?.serve.memory.heap_mb ?? null,
    max_rss_mb: ours?.serve.memory.max_rss_mb ?? null,
    ask_ms: ours?.serve.ask_ms ?? null,
    search_ms: ours?.serve.search_ms ?? null,
    country_ms: ours?.serve.country_ms ?? null,
    hit1: ours?.serve.hit1 ?? null,
    hit1_questions: hit1Questions,
    baselines: {},
    errors,
  };
  for (const name of ['minisearch', 'fts5'] as const satisfies readonly BaselineName[]) {
    const run = runs[name];
    if (run) result.baselines[name] = baselineFigures(run, result);
  }
  return result;
}

function baselineFigures(run: SystemRun, ours: SizeResult): BaselineFigures {
  const buildReport = run.build ?? run.serve.build ?? null;
  const figures = {
    build_s: buildReport ? round(buildReport.build_s, 3) : null,
    cold_start_s: run.cold_start_s,
    rss_mb: run.serve.memory.rss_mb,
    heap_mb: run.serve.memory.heap_mb,
    ask_ms: run.serve.ask_ms,
    hit1: run.serve.hit1,
  };
  return {
    ...figures,
    ratio: {
      ask_p50: ratio(figures.ask_ms.p50, ours.ask_ms?.p50),
      ask_p95: ratio(figures.ask_ms.p95, ours.ask_ms?.p95),
      ask_p99: ratio(figures.ask_ms.p99, ours.ask_ms?.p99),
      rss: ratio(figures.rss_mb, ours.rss_mb),
      cold_start: ratio(figures.cold_start_s, ours.cold_start_s),
      hit1: ratio(figures.hit1, ours.hit1),
    },
  };
}

export { SYSTEM_NAMES };
