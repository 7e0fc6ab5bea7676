import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { RawRelease } from '../src/corpus/release.js';
import { benchCorpus, REAL_CORPUS_PATH, REPO_ROOT } from '../bench/corpus.js';
import { generateQuestions } from '../bench/questions.js';
import type { BenchResults } from '../bench/report.js';

const run = promisify(execFile);
const sharedPresent = existsSync(REAL_CORPUS_PATH);
if (!sharedPresent) console.info(`bench smoke: ${REAL_CORPUS_PATH} is absent, so the corpus is generated from the built-in releases only and Hit@1 is not measured`);

const base: RawRelease[] = [
  {
    title: 'Secretary Blinken’s Call with Kenyan Cabinet Secretary Omamo',
    date: '2021-06-02',
    office: 'Office of the Spokesperson',
    url: 'https://www.state.gov/a/',
    paragraphs: [
      'The below is attributable to Spokesperson Ned Price:',
      'Secretary Blinken spoke today with Kenyan Cabinet Secretary for Foreign Affairs Raychelle Omamo about regional security and the response to COVID-19 in East Africa.',
      'The Secretary thanked Kenya for its leadership on the UN Security Council.',
    ],
    kind: 'Readout',
    format: 'jsonl',
    key: 'https://www.state.gov/a/',
  },
  {
    title: 'Thailand National Day',
    date: '2021-12-03',
    office: 'Antony J. Blinken, Secretary of State',
    url: null,
    paragraphs: [
      'On behalf of the United States of America, I offer my best wishes to the people of Thailand as you celebrate your national day.',
      'Our alliance with Thailand spans more than two centuries of cooperation on health, trade, security and education.',
    ],
    kind: 'Press Statement',
    format: 'text',
    key: 'thailand-national-day',
  },
];

describe('bench corpus and questions', () => {
  it('pads the corpus with deterministic recombinations under fresh unique keys', () => {
    const first = [...benchCorpus(50, { builtin: base.slice(1), real: base.slice(0, 1) })];
    const second = [...benchCorpus(50, { builtin: base.slice(1), real: base.slice(0, 1) })];
    expect(first).toHaveLength(50);
    expect(second).toEqual(first);
    expect(first.slice(0, 2).map((raw) => raw.title)).toEqual(['Thailand National Day', base[0]!.title]);
    expect(new Set(first.map((raw) => raw.key)).size).toBe(50);
    const realParagraphs = new Set(base.flatMap((raw) => raw.paragraphs));
    for (const raw of first.slice(2)) {
      expect(raw.paragraphs.length).toBeGreaterThan(0);
      expect(raw.paragraphs.every((paragraph) => realParagraphs.has(paragraph))).toBe(true);
      expect(raw.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('generates the same questions of about twelve words from release sentences', () => {
    const questions = generateQuestions(base, 30);
    expect(generateQuestions(base, 30)).toEqual(questions);
    expect(questions).toHaveLength(30);
    const lengths = questions.map((question) => question.text.split(/\s+/).length);
    expect(Math.min(...lengths)).toBeGreaterThanOrEqual(5);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(18);
  });
});

describe('npm run bench -- --smoke', () => {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'statebot-bench-smoke-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('runs every system on a small corpus and writes results of the documented shape', { timeout: 180_000 }, async () => {
    const out = path.join(outDir, 'smoke.json');
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'bench/bench.ts', '--smoke', '--out', out], {
      cwd: REPO_ROOT,
      maxBuffer: 16 * 1024 * 1024,
    });
    const results = JSON.parse(readFileSync(out, 'utf8')) as BenchResults;

    expect(stdout).toContain('MiniSearch');
    expect(stdout).toContain('ask p95, ms');
    expect(results.machine.cores).toBeGreaterThan(0);
    expect(results.machine.memory_gb).toBeGreaterThan(0);
    expect(results.machine.node).toBe(process.version);
    expect(Number.isNaN(Date.parse(results.date))).toBe(false);
    if (!sharedPresent) expect(results.notes.join(' ')).toMatch(/built-in corpus only/);

    expect(results.sizes).toHaveLength(1);
    const [size] = results.sizes;
    expect(size!.errors).toEqual([]);
    expect(size!.releases).toBe(300);
    const positive = (value: number | null | undefined): void => {
      expect(typeof value).toBe('number');
      expect(Number.isFinite(value)).toBe(true);
      expect(value).toBeGreaterThan(0);
    };
    const latency = (ms: { p50: number; p95: number; p99: number } | null | undefined): void => {
      positive(ms?.p50);
      positive(ms?.p95);
      positive(ms?.p99);
      expect(ms!.p50).toBeLessThanOrEqual(ms!.p95);
      expect(ms!.p95).toBeLessThanOrEqual(ms!.p99);
    };
    const hit1 = (value: number | null): void => {
      if (sharedPresent) {
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
      } else expect(value).toBeNull();
    };
    for (const figure of [size!.build_s, size!.cold_start_s, size!.rss_mb, size!.preprocess_per_s]) positive(figure);
    for (const ms of [size!.ask_ms, size!.search_ms, size!.country_ms]) latency(ms);
    hit1(size!.hit1);
    for (const name of ['minisearch', 'fts5'] as const) {
      const baseline = size!.baselines[name];
      positive(baseline?.rss_mb);
      positive(baseline?.cold_start_s);
      latency(baseline?.ask_ms);
      hit1(baseline!.hit1);
      positive(baseline!.ratio.ask_p50);
    }
  });
});
