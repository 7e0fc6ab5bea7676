/** The benchmark's results: their JSON shape, the targets, and the table printed on standard output. */
import os from 'node:os';
import type { CorpusComposition } from './corpus.js';
import type { Percentiles } from './stats.js';

export interface Machine {
  cpu: string;
  cores: number;
  memory_gb: number;
  node: string;
  platform: string;
}

export interface BaselineFigures {
  build_s: number | null;
  cold_start_s: number;
  rss_mb: number;
  heap_mb: number;
  ask_ms: Percentiles;
  hit1: number | null;
  /** Baseline ÷ ours for each figure: above 1 the baseline is slower / bigger / (hit1) better. */
  ratio: Record<'ask_p50' | 'ask_p95' | 'ask_p99' | 'rss' | 'cold_start' | 'hit1', number | null>;
}

export type BaselineName = 'minisearch' | 'fts5';

export interface SizeResult {
  releases: number;
  composition: Omit<CorpusComposition, 'releases'>;
  preprocess_per_s: number | null;
  build_s: number | null;
  import_s: number | null;
  cold_start_s: number | null;
  rss_mb: number | null;
  heap_mb: number | null;
  max_rss_mb: number | null;
  ask_ms: Percentiles | null;
  search_ms: Percentiles | null;
  country_ms: Percentiles | null;
  /** Share of the evaluation questions (those whose gold release is in this corpus) answered from the right release. */
  hit1: number | null;
  hit1_questions: number;
  baselines: Partial<Record<BaselineName, BaselineFigures>>;
  errors: string[];
}

export interface TargetCheck {
  releases: number;
  target: string;
  value: number | null;
  limit: number | null;
  met: boolean;
}

export interface BenchResults {
  machine: Machine;
  date: string;
  /** 1-minute load average when the run started and ended: other work on the machine skews timings. */
  load: { start: number; end: number };
  questions: { timed: number; evaluation: number; generated: number };
  notes: string[];
  sizes: SizeResult[];
  targets: TargetCheck[];
}

export const loadAverage = (): number => Math.round(os.loadavg()[0]! * 100) / 100;

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memory_gb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

export function ratio(baseline: number | null | undefined, ours: number | null | undefined): number | null {
  if (baseline == null || ours == null || ours === 0) return null;
  return Math.round((baseline / ours) * 100) / 100;
}

/** The targets: at 100,000 releases absolute limits; at every size, faster and better than plain MiniSearch. */
export function checkTargets(size: SizeResult): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const check = (target: string, value: number | null | undefined, limit: number | null | undefined, atMost = true): void => {
    const met = value != null && limit != null && (atMost ? value <= limit : value >= limit);
    checks.push({ releases: size.releases, target, value: value ?? null, limit: limit ?? null, met });
  };
  if (size.releases >= 100_000) {
    check('ask p95 ≤ 50 ms', size.ask_ms?.p95, 50);
    check('ask p99 ≤ 100 ms', size.ask_ms?.p99, 100);
    check('cold start ≤ 5 s', size.cold_start_s, 5);
    check('RSS ≤ 1.5 GB', size.rss_mb, 1536);
  }
  const mini = size.baselines.minisearch;
  if (mini) {
    check('ask p50 ≤ MiniSearch', size.ask_ms?.p50, mini.ask_ms.p50);
    check('ask p95 ≤ MiniSearch', size.ask_ms?.p95, mini.ask_ms.p95);
    if (size.hit1 !== null && mini.hit1 !== null) check('Hit@1 > MiniSearch', size.hit1, mini.hit1 + 1e-9, false);
  }
  return checks;
}

const format = (value: number | null | undefined, digits = 2): string =>
  value == null ? '–' : value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
const times = (value: number | null): string => (value == null ? '' : ` (${format(value)}×)`);

function renderRows(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('   ')).join('\n');
}

export function sizeTable(size: SizeResult): string {
  const mini = size.baselines.minisearch;
  const fts5 = size.baselines.fts5;
  const row = (label: string, ours: string, miniCell: string, ftsCell: string): string[] => [label, ours, miniCell, ftsCell];
  const pct = (key: keyof Percentiles) => (b: BaselineFigures | undefined, r: keyof BaselineFigures['ratio']): string =>
    b ? format(b.ask_ms[key]) + times(b.ratio[r]) : '–';
  const rows = [
    row('', 'ours', 'MiniSearch (×ours)', 'FTS5 bm25 (×ours)'),
    row('build index, s', format(size.build_s), format(mini?.build_s), format(fts5?.build_s)),
    row('cold start to ready, s', format(size.cold_start_s), mini ? format(mini.cold_start_s) + times(mini.ratio.cold_start) : '–', fts5 ? format(fts5.cold_start_s) + times(fts5.ratio.cold_start) : '–'),
    row('RSS after load, MB', format(size.rss_mb, 0), mini ? format(mini.rss_mb, 0) + times(mini.ratio.rss) : '–', fts5 ? format(fts5.rss_mb, 0) + times(fts5.ratio.rss) : '–'),
    row('heap after load, MB', format(size.heap_mb, 0), format(mini?.heap_mb, 0), format(fts5?.heap_mb, 0)),
    row('ask p50, ms', format(size.ask_ms?.p50), pct('p50')(mini, 'ask_p50'), pct('p50')(fts5, 'ask_p50')),
    row('ask p95, ms', format(size.ask_ms?.p95), pct('p95')(mini, 'ask_p95'), pct('p95')(fts5, 'ask_p95')),
    row('ask p99, ms', format(size.ask_ms?.p99), pct('p99')(mini, 'ask_p99'), pct('p99')(fts5, 'ask_p99')),
    row(`Hit@1 (${size.hit1_questions} eval q)`, format(size.hit1, 3), mini ? format(mini.hit1, 3) + times(mini.ratio.hit1) : '–', fts5 ? format(fts5.hit1, 3) + times(fts5.ratio.hit1) : '–'),
    row('search p50/p95/p99, ms', size.search_ms ? `${format(size.search_ms.p50)} / ${format(size.search_ms.p95)} / ${format(size.search_ms.p99)}` : '–', '', ''),
    row('country p50/p95/p99, ms', size.country_ms ? `${format(size.country_ms.p50)} / ${format(size.country_ms.p95)} / ${format(size.country_ms.p99)}` : '–', '', ''),
    row('preprocess, releases/s', format(size.preprocess_per_s, 0), '', ''),
    row('import into data dir, s', format(size.import_s), '', ''),
  ];
  const { builtin, real, generated } = size.composition;
  const heading = `${size.releases.toLocaleString('en-US')} releases (${builtin} built-in, ${real} real, ${generated} generated)`;
  const errors = size.errors.map((error) => `  ! ${error.split('\n')[0]}`).join('\n');
  return `${heading}\n${renderRows(rows)}${errors ? '\n' + errors : ''}`;
}

export function resultsText(results: BenchResults): string {
  const { machine: m } = results;
  const header = `statebot bench — ${results.date}\n${m.cpu}, ${m.cores} cores, ${m.memory_gb} GB, Node ${m.node}\n` +
    `load average ${results.load.start} at the start, ${results.load.end} at the end\n` +
    `${results.questions.timed} timed questions (${results.questions.evaluation} from the evaluation set, ${results.questions.generated} generated)`;
  const notes = results.notes.map((note) => `note: ${note}`).join('\n');
  const targets = results.targets.length === 0 ? '' :
    'targets:\n' + results.targets.map((t) => `  ${t.met ? 'met ' : 'MISS'}  ${t.releases.toLocaleString('en-US')}: ${t.target} (${format(t.value, 3)} vs ${format(t.limit, 3)})`).join('\n');
  return [header, notes, ...results.sizes.map(sizeTable), targets].filter(Boolean).join('\n\n') + '\n';
}
