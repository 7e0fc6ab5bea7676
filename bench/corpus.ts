/**
 * Benchmark corpora: the real releases (../shared) and the built-in corpus, padded to the wanted size with
 * deterministic recombinations of real paragraphs under fresh titles and dates, written as JSONL to a cache dir.
 */
import { createHash } from 'node:crypto';
import {
  closeSync, createReadStream, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { rawFromRelease } from '../src/corpus/preprocess.js';
import type { RawRelease, Release } from '../src/corpus/release.js';
import { seededRandom, type Random } from './random.js';
import { normalizeTitle, words } from './text.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** ../shared beside the repo; BENCH_SHARED_DIR overrides it (e.g. a missing dir, to try the fresh-clone path). */
export const SHARED_DIR = path.resolve(REPO_ROOT, process.env['BENCH_SHARED_DIR'] ?? '../shared');
export const REAL_CORPUS_PATH = path.join(SHARED_DIR, 'corpus/statedept-2021.jsonl');
export const BUILTIN_RELEASES_PATH = path.join(REPO_ROOT, 'corpus/releases.json');
export const BENCH_CACHE_DIR = path.join(os.tmpdir(), 'statebot-bench');

/** Bump when the generator changes, so cached corpora are regenerated. */
const GENERATOR_VERSION = 2;
const DEFAULT_SEED = 20211203;
const FIRST_DAY = DateTime.fromISO('2009-01-20', { zone: 'utc' });
const DAYS_SPANNED = 16 * 365;

interface SharedCorpusLine {
  title: string;
  date: string;
  office: string | null;
  url: string | null;
  body: string;
  kind_guess: string | null;
}

export function splitParagraphs(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0);
}

/** The 585 real releases as RawRelease, or null when ../shared is absent. */
export function loadRealReleases(file = REAL_CORPUS_PATH): RawRelease[] | null {
  if (!existsSync(file)) return null;
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => {
      const item = JSON.parse(line) as SharedCorpusLine;
      return {
        title: item.title,
        date: item.date,
        office: item.office,
        url: item.url,
        paragraphs: splitParagraphs(item.body),
        kindGuess: item.kind_guess,
        format: 'jsonl',
        key: item.url ?? `${normalizeTitle(item.title)}|${item.date}`,
      } satisfies RawRelease;
    });
}

/** The built-in corpus from corpus/releases.json when it is there and holds releases; otherwise null. */
export function loadBuiltinFromFile(file = BUILTIN_RELEASES_PATH): RawRelease[] | null {
  if (!existsSync(file)) return null;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    const list = Array.isArray(parsed) ? parsed : (parsed as { releases?: unknown }).releases;
    if (!Array.isArray(list) || list.length === 0) return null;
    const releases = list as Release[];
    if (!releases.every((release) => typeof release.title === 'string' && Array.isArray(release.paragraphs))) return null;
    return releases.map(rawFromRelease);
  } catch {
    return null;
  }
}

export async function readRawJsonl(file: string): Promise<RawRelease[]> {
  const raws: RawRelease[] = [];
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.length > 0) raws.push(JSON.parse(line) as RawRelease);
  }
  return raws;
}

/** Writes one JSON object per line in chunks, atomically (temp file + rename). Returns the line count. */
export function writeJsonl(file: string, items: Iterable<unknown>): number {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  let count = 0;
  let chunk: string[] = [];
  try {
    for (const item of items) {
      chunk.push(JSON.stringify(item));
      count++;
      if (chunk.length === 500) {
        writeSync(fd, chunk.join('\n') + '\n');
        chunk = [];
      }
    }
    if (chunk.length > 0) writeSync(fd, chunk.join('\n') + '\n');
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
  return count;
}

export interface CorpusSources {
  builtin: RawRelease[];
  /** Null when ../shared is absent. */
  real: RawRelease[] | null;
}

export interface CorpusComposition {
  releases: number;
  builtin: number;
  real: number;
  generated: number;
}

/**
 * The corpus of `size` releases: the built-in releases, then the real ones, then recombinations.
 * Generated releases come from one PRNG stream, so a smaller corpus is a prefix of a larger one.
 */
export function* benchCorpus(size: number, sources: CorpusSources, seed = DEFAULT_SEED): Generator<RawRelease> {
  const base = [...sources.builtin, ...(sources.real ?? [])];
  if (base.length === 0) throw new Error('no releases to build a corpus from (no built-in corpus and no ../shared)');
  for (const raw of base.slice(0, size)) yield raw;
  const random = seededRandom(seed);
  const knownTitles = new Set(base.map((raw) => normalizeTitle(raw.title).toLowerCase()));
  for (let index = 0; index < size - base.length; index++) {
    yield recombinedRelease(index, base, knownTitles, random);
  }
}

export function composition(size: number, sources: CorpusSources): CorpusComposition {
  const builtin = Math.min(size, sources.builtin.length);
  const real = Math.min(size - builtin, sources.real?.length ?? 0);
  return { releases: size, builtin, real, generated: size - builtin - real };
}

function recombinedRelease(index: number, base: RawRelease[], knownTitles: Set<string>, random: Random): RawRelease {
  const template = random.pick(base);
  const donors = [template, random.pick(base), random.pick(base)];
  const paragraphs: string[] = [];
  const seen = new Set<string>();
  // As many paragraphs as the template has, each taken from the same position in a donor when it has one,
  // so openings stay openings; otherwise from anywhere in the corpus.
  for (let slot = 0; slot < Math.max(1, template.paragraphs.length); slot++) {
    for (let attempt = 0; attempt < 8; attempt++) {
      const donor = attempt < 3 ? random.pick(donors) : random.pick(base);
      const paragraph = donor.paragraphs[attempt < 3 ? slot : random.int(donor.paragraphs.length)];
      if (paragraph !== undefined && !seen.has(paragraph)) {
        seen.add(paragraph);
        paragraphs.push(paragraph);
        break;
      }
    }
  }
  const title = freshTitle(base, knownTitles, random);
  const date = FIRST_DAY.plus({ days: random.int(DAYS_SPANNED) }).toISODate()!;
  const slug = words(title).slice(0, 8).join('-').toLowerCase();
  const url = `https://www.state.gov/bench/${index + 1}-${slug}/`;
  return { title, date, office: template.office, url, paragraphs, kind: template.kind ?? null, format: 'jsonl', key: url };
}

/** The start of one real title joined to the end of another, retried until it is not a real title. */
function freshTitle(base: RawRelease[], knownTitles: Set<string>, random: Random): string {
  for (let attempt = 0; ; attempt++) {
    const head = normalizeTitle(random.pick(base).title).split(' ');
    const tail = normalizeTitle(random.pick(base).title).split(' ');
    const cut = Math.max(1, random.between(1, Math.max(1, head.length - 1)));
    const from = Math.min(tail.length - 1, random.between(1, Math.max(1, tail.length - 1)));
    const title = [...head.slice(0, cut), ...tail.slice(from)].join(' ');
    if (!knownTitles.has(title.toLowerCase()) || attempt > 20) return title;
  }
}

/** A fingerprint of everything the generated corpus depends on, for the cache file name. */
export function sourcesFingerprint(sources: CorpusSources, seed = DEFAULT_SEED): string {
  const hash = createHash('sha1');
  hash.update(`v${GENERATOR_VERSION}|seed${seed}|`);
  hash.update(JSON.stringify(sources.builtin));
  if (existsSync(REAL_CORPUS_PATH) && sources.real) {
    const stat = statSync(REAL_CORPUS_PATH);
    hash.update(`|real:${stat.size}:${stat.mtimeMs}:${sources.real.length}`);
  }
  return hash.digest('hex').slice(0, 12);
}

/** The JSONL file of the corpus of `size` releases, generated into the cache dir unless already there. */
export function ensureCorpusFile(size: number, sources: CorpusSources, cacheDir = BENCH_CACHE_DIR): string {
  const dir = path.join(cacheDir, 'corpora');
  const name = `corpus-${size}-${sourcesFingerprint(sources)}.jsonl`;
  const file = path.join(dir, name);
  if (existsSync(file)) return file;
  // Older versions of this size are stale (the sources or the generator changed) and can be large.
  if (existsSync(dir)) {
    for (const old of readdirSync(dir)) if (old.startsWith(`corpus-${size}-`) && old.endsWith('.jsonl')) rmSync(path.join(dir, old), { force: true });
  }
  writeJsonl(file, benchCorpus(size, sources));
  return file;
}
