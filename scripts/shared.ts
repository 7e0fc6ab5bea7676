import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseJsonLines } from '../src/corpus/jsonl.js';
import { preprocess } from '../src/corpus/preprocess.js';
import type { Release } from '../src/corpus/release.js';
import { normalizeSpace } from '../src/corpus/text.js';

/** ../shared beside the checkout: evaluation data that is read, never copied into the project. */
export const SHARED_DIR = path.resolve(fileURLToPath(new URL('../../shared', import.meta.url)));
export const SHARED_CORPUS = path.join(SHARED_DIR, 'corpus', 'statedept-2021.jsonl');
export const EVAL_QUESTIONS = path.join(SHARED_DIR, 'eval', 'questions.jsonl');
export const EVAL_COUNTRIES = path.join(SHARED_DIR, 'eval', 'countries.jsonl');

export function sharedAvailable(): boolean {
  return existsSync(SHARED_CORPUS) && existsSync(EVAL_QUESTIONS);
}

export function readJsonLines<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

/** The 585 real releases of ../shared, preprocessed. */
export function loadSharedReleases(): Release[] {
  const { releases, errors } = parseJsonLines(readFileSync(SHARED_CORPUS, 'utf8'), SHARED_CORPUS);
  if (errors.length) throw new Error(errors.join('\n'));
  return releases.map(preprocess);
}

/** Title + date identifies a release in the evaluation files (titles compared with whitespace normalized). */
export function releaseKey(title: string, date: string): string {
  return `${date}|${normalizeSpace(title)}`;
}

/** The evaluation's answer matching: Unicode spaces folded, whitespace collapsed, ’ folded to ', case ignored. */
export function normalizeForMatch(text: string): string {
  return normalizeSpace(text).replace(/[’‘]/g, "'").toLowerCase();
}
