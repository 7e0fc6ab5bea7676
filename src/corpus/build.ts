import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { preprocess } from './preprocess.js';
import { parsePlainTextRelease } from './plaintext.js';
import type { Release } from './release.js';

export const CORPUS_DIR = fileURLToPath(new URL('../../corpus/', import.meta.url));
export const RAW_DIR = path.join(CORPUS_DIR, 'raw');
export const BUILT_CORPUS = path.join(CORPUS_DIR, 'releases.json');

interface SourceNotes {
  [file: string]: { url?: string; note?: string };
}

/**
 * Preprocesses the built-in corpus: every corpus/raw/<year>/*.txt (the folder records the year the date lines
 * leave out; sources.json beside them records urls when known). Throws on any malformed file: the built-in corpus
 * must be whole.
 */
export function buildCorpus(rawDir = RAW_DIR): Release[] {
  const releases: Release[] = [];
  for (const year of readdirSync(rawDir).filter((name) => /^\d{4}$/.test(name)).sort()) {
    const folder = path.join(rawDir, year);
    const notesFile = path.join(folder, 'sources.json');
    const notes: SourceNotes = existsSync(notesFile) ? JSON.parse(readFileSync(notesFile, 'utf8')) : {};
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.txt')).sort()) {
      const { releases: raws, errors } = parsePlainTextRelease(readFileSync(path.join(folder, file), 'utf8'), file, Number(year), notes[file]?.url ?? null);
      if (errors.length) throw new Error(errors.join('\n'));
      releases.push(...raws.map(preprocess));
    }
  }
  return releases.sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
}

export function serializeCorpus(releases: Release[]): string {
  return `${JSON.stringify(releases, null, 1)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const releases = buildCorpus();
  writeFileSync(BUILT_CORPUS, serializeCorpus(releases));
  console.log(`corpus: ${releases.length} releases written to ${path.relative(process.cwd(), BUILT_CORPUS)}`);
}
