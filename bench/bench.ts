/**
 * `npm run bench [-- --sizes 2000,20000 --questions 240 --smoke --out file]`: our engine against plain MiniSearch
 * and SQLite FTS5 on corpora of 2,000, 20,000 and 100,000 releases. See bench/README.md.
 */
import { Command, InvalidArgumentError } from 'commander';
import path from 'node:path';
import { REPO_ROOT } from './corpus.js';
import { DEFAULT_QUESTION_COUNT } from './questions.js';
import { runBench, SYSTEM_NAMES } from './run-bench.js';
import type { SystemName } from './systems/types.js';

const SMOKE = { sizes: [300], questions: 20, warmup: 2 };

function positiveIntegers(value: string): number[] {
  const numbers = value.split(',').map((part) => Number(part.trim().replace(/_/g, '')));
  if (numbers.length === 0 || numbers.some((n) => !Number.isInteger(n) || n <= 0)) {
    throw new InvalidArgumentError('expected positive integers separated by commas, e.g. 2000,20000');
  }
  return numbers;
}

function systemNames(value: string): SystemName[] {
  const names = value.split(',').map((part) => part.trim());
  const unknown = names.filter((name) => !(SYSTEM_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0) throw new InvalidArgumentError(`unknown system ${unknown.join(', ')}: use ${SYSTEM_NAMES.join(', ')}`);
  return names as SystemName[];
}

const program = new Command('bench')
  .description('Benchmark statebot against plain MiniSearch and SQLite FTS5')
  .option('--sizes <list>', 'corpus sizes, comma-separated', positiveIntegers)
  .option('--questions <n>', `timed questions (at least 200 for a real run; default ${DEFAULT_QUESTION_COUNT})`, (v) => positiveIntegers(v)[0]!)
  .option('--warmup <n>', 'untimed questions before timing', (v) => positiveIntegers(v)[0]!)
  .option('--systems <list>', `systems to run (default ${SYSTEM_NAMES.join(',')})`, systemNames)
  .option('--smoke', `a tiny quick run (${SMOKE.sizes[0]} releases, ${SMOKE.questions} questions), for CI`)
  .option('--out <file>', 'results JSON (default bench/results/latest.json; smoke: bench/results/smoke.json)')
  .option('--cpu-prof <dir>', "write V8 CPU profiles of our engine's serving step into <dir>")
  .parse();

const flags = program.opts<{
  sizes?: number[];
  questions?: number;
  warmup?: number;
  systems?: SystemName[];
  smoke?: boolean;
  out?: string;
  cpuProf?: string;
}>();

await runBench({
  sizes: flags.sizes ?? (flags.smoke ? SMOKE.sizes : [2000, 20000, 100000]),
  questions: flags.questions ?? (flags.smoke ? SMOKE.questions : DEFAULT_QUESTION_COUNT),
  warmup: flags.warmup ?? (flags.smoke ? SMOKE.warmup : 5),
  systems: flags.systems ?? [...SYSTEM_NAMES],
  out: path.resolve(flags.out ?? path.join(REPO_ROOT, 'bench/results', flags.smoke ? 'smoke.json' : 'latest.json')),
  ...(flags.cpuProf ? { cpuProfileDir: path.resolve(flags.cpuProf) } : {}),
});
