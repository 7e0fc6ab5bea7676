/**
 * One benchmark step in its own process, so each system's memory is measured in isolation.
 *   worker.ts build   --system S --corpus FILE --data DIR
 *   worker.ts serve   --system S --corpus FILE --data DIR --questions FILE
 *   worker.ts builtin --out FILE
 * Reports JSON to the parent over IPC ({type: 'ready'} when a serving system is ready, then {type: 'result'}).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { BenchQuestion, CountryQuery } from './questions.js';
import { memorySnapshot, percentiles, timeEach, type MemorySnapshot, type Percentiles } from './stats.js';
import { releaseIdentity } from './text.js';
import type { BenchSystem, BuildReport, ReadySystem, SystemName, TopHit } from './systems/types.js';

export interface QuestionSet {
  /** Timed, in this order. */
  latency: BenchQuestion[];
  /** Evaluation questions whose gold release is in this corpus. */
  eval: BenchQuestion[];
  countries: CountryQuery[];
  /** Questions asked untimed before timing starts. */
  warmup: number;
}

export interface ServeReport {
  /** Time spent in open() plus the first answer, inside the child. */
  open_s: number;
  first_ask_ms: number;
  /** Process uptime when ready: includes Node and tsx start-up. */
  ready_uptime_s: number;
  memory: MemorySnapshot;
  ask_ms: Percentiles;
  search_ms: Percentiles | null;
  country_ms: Percentiles | null;
  hit1: number | null;
  hit1_questions: number;
  errors: { count: number; first: string | null };
  /** Build figures when opening includes building. */
  build?: BuildReport;
}

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'result'; result: BuildReport | ServeReport | { count: number } }
  | { type: 'error'; message: string };

async function loadSystem(name: SystemName): Promise<BenchSystem> {
  switch (name) {
    case 'ours':
      return (await import('./systems/ours.js')).oursSystem;
    case 'minisearch':
      return (await import('./baselines/minisearch.js')).minisearchBaseline;
    case 'fts5':
      return (await import('./baselines/fts5.js')).fts5Baseline;
  }
}

function send(message: WorkerMessage): Promise<void> {
  if (!process.send) {
    process.stdout.write(JSON.stringify(message) + '\n');
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => process.send!(message, undefined, {}, (error) => (error ? reject(error) : resolve())));
}

async function serve(system: BenchSystem, corpus: string, dataDir: string, questions: QuestionSet): Promise<ServeReport> {
  const first = questions.latency[0];
  if (!first) throw new Error('no questions');
  const errors = { count: 0, first: null as string | null };
  const guarded = (action: () => void): void => {
    try {
      action();
    } catch (error) {
      errors.count++;
      errors.first ??= error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
  };

  let start = performance.now();
  const opened = await system.open(corpus, dataDir);
  const ready: ReadySystem = opened.system;
  const askStart = performance.now();
  guarded(() => ready.ask(first.text));
  const first_ask_ms = performance.now() - askStart;
  const open_s = (performance.now() - start) / 1000;
  const ready_uptime_s = performance.now() / 1000;
  await send({ type: 'ready' });
  const memory = memorySnapshot();

  for (const question of questions.latency.slice(0, questions.warmup)) guarded(() => ready.ask(question.text));
  const answers = new Map<string, TopHit | null>();
  const askTimes = timeEach(questions.latency, (question) =>
    guarded(() => answers.set(question.text, ready.ask(question.text))),
  );
  const search = ready.search?.bind(ready);
  const searchTimes = search ? timeEach(questions.latency, (question) => guarded(() => search(question.text))) : null;
  const country = ready.country?.bind(ready);
  const countryTimes = country ? timeEach(questions.countries, (query) => guarded(() => country(query))) : null;

  let hits = 0;
  for (const question of questions.eval) {
    if (!answers.has(question.text)) guarded(() => answers.set(question.text, ready.ask(question.text)));
    const top = answers.get(question.text);
    const gold = question.gold;
    if (top && gold && releaseIdentity(top.title, top.date) === releaseIdentity(gold.title, gold.date)) hits++;
  }
  ready.close();

  return {
    open_s,
    first_ask_ms,
    ready_uptime_s,
    memory,
    ask_ms: percentiles(askTimes),
    search_ms: searchTimes ? percentiles(searchTimes) : null,
    country_ms: countryTimes ? percentiles(countryTimes) : null,
    hit1: questions.eval.length > 0 ? Math.round((hits / questions.eval.length) * 1000) / 1000 : null,
    hit1_questions: questions.eval.length,
    errors,
    ...(opened.build ? { build: opened.build } : {}),
  };
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      system: { type: 'string' },
      corpus: { type: 'string' },
      data: { type: 'string' },
      questions: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const phase = positionals[0];
  const required = (name: keyof typeof values): string => {
    const value = values[name];
    if (!value) throw new Error(`--${name} is required for ${phase}`);
    return value;
  };
  if (phase === 'builtin') {
    const { exportBuiltinReleases } = await import('./systems/ours.js');
    await send({ type: 'result', result: { count: await exportBuiltinReleases(required('out')) } });
    return;
  }
  const system = await loadSystem(required('system') as SystemName);
  if (phase === 'build') {
    if (!system.build) throw new Error(`${values.system} has nothing to build`);
    await send({ type: 'result', result: await system.build(required('corpus'), required('data')) });
  } else if (phase === 'serve') {
    const questions = JSON.parse(readFileSync(required('questions'), 'utf8')) as QuestionSet;
    await send({ type: 'result', result: await serve(system, required('corpus'), required('data'), questions) });
  } else {
    throw new Error(`unknown phase ${phase ?? '(none)'}: expected build, serve or builtin`);
  }
}

main()
  .catch(async (error: unknown) => {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    await send({ type: 'error', message }).catch(() => process.stderr.write(message + '\n'));
    process.exitCode = 1;
  })
  // The engine may hold timers or handles open; the step is over once its result is sent.
  .finally(() => process.exit());
