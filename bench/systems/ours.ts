/** Our engine: preprocess + index build in memory, a persisted data dir, and a cold open from it. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { preprocess } from '../../src/corpus/preprocess.js';
import type { Release } from '../../src/corpus/release.js';
import { Engine, MEMORY_INDEX_LIMIT } from '../../src/search/engine.js';
import { rawFromRelease } from '../../src/corpus/preprocess.js';
import { readRawJsonl, writeJsonl } from '../corpus.js';
import type { BenchSystem, TopHit } from './types.js';

const seconds = (since: number): number => (performance.now() - since) / 1000;

export const oursSystem: BenchSystem = {
  async build(corpusFile, dataDir) {
    let raws = await readRawJsonl(corpusFile);

    let start = performance.now();
    let releases: Release[] | null = raws.map(preprocess);
    const preprocess_per_s = raws.length / seconds(start);

    // The index the engine keeps at this size: in memory (timed alone here), or on disk, built as releases are
    // imported (then the import's time, preprocessing and storage included, is the build time).
    const onDisk = raws.length > MEMORY_INDEX_LIMIT;
    let build_s: number | null = null;
    if (!onDisk) {
      start = performance.now();
      Engine.fromReleases(releases).close();
      build_s = seconds(start);
    }
    releases = null;

    const engine = await Engine.open({ dataDir, builtin: false });
    try {
      start = performance.now();
      const report = engine.importReleases(raws);
      const import_s = seconds(start);
      build_s ??= import_s;
      if (report.errors.length > 0) {
        process.stderr.write(`import: ${report.errors.length} errors, first: ${report.errors[0]}\n`);
      }
      raws = [];
      return { build_s, preprocess_per_s, import_s };
    } finally {
      engine.close();
    }
  },

  async open(_corpusFile, dataDir) {
    const engine = await Engine.open({ dataDir, builtin: false });
    const top = (release: Release | undefined): TopHit | null =>
      release ? { title: release.title, date: release.date } : null;
    return {
      system: {
        ask: (question) => top(engine.ask(question).results[0]?.release),
        search: (query) => void engine.search(query),
        country: (query) => void engine.country(query.name, query.range),
        close: () => engine.close(),
      },
    };
  },
};

/** Writes the built-in corpus, as the engine loads it, to `outFile` as RawRelease JSONL; returns the count. */
export async function exportBuiltinReleases(outFile: string): Promise<number> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'statebot-bench-builtin-'));
  try {
    const engine = await Engine.open({ dataDir, builtin: true });
    try {
      return writeJsonl(outFile, engine.all().map(rawFromRelease));
    } finally {
      engine.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
