import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RawRelease } from '../src/corpus/release.js';
import { Engine } from '../src/search/engine.js';
import { INDEX_FILE } from '../src/search/index-file.js';

const raw = (title: string, paragraph: string, date = '2021-12-06'): RawRelease => ({
  title,
  date,
  office: 'Office of the Spokesperson',
  url: `https://www.state.gov/${title.toLowerCase().replace(/\W+/g, '-')}/`,
  paragraphs: [paragraph],
  format: 'jsonl',
});

const kenya = raw('Secretary Blinken’s Call with Kenyan Foreign Minister Omamo', 'Secretary Blinken spoke with Kenyan Foreign Minister Omamo about regional security in the Horn of Africa.');
const peru = raw('Deputy Secretary’s Meeting with Peruvian Foreign Minister', 'The Deputy Secretary discussed vaccine donations and anchovy fisheries with the Foreign Minister of Peru.', '2021-12-07');

const topTitle = (engine: Engine, question: string) => engine.ask(question).answer?.release.title;

describe('stored search index', () => {
  it('is written beside the database and answers the same after a restart', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'statebot-index-'));
    const first = await Engine.open({ dataDir, builtin: false });
    first.importReleases([kenya, peru]);
    const before = first.search('foreign minister').hits.map((hit) => [hit.release.id, hit.score]);
    const sentencesBefore = first.all().map((release) => release.sentences);
    first.close();
    expect(existsSync(path.join(dataDir, INDEX_FILE))).toBe(true);

    const reopened = await Engine.open({ dataDir, builtin: false });
    expect(reopened.search('foreign minister').hits.map((hit) => [hit.release.id, hit.score])).toEqual(before);
    expect(reopened.all().map((release) => release.sentences)).toEqual(sentencesBefore);
    expect(topTitle(reopened, 'what did the deputy secretary say about anchovy fisheries?')).toBe(peru.title);
    reopened.close();
  });

  it('is rebuilt when the stored releases changed since it was written', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'statebot-index-'));
    const first = await Engine.open({ dataDir, builtin: false });
    first.importReleases([kenya]);
    first.close();
    const stale = readFileSync(path.join(dataDir, INDEX_FILE), 'utf8');
    const second = await Engine.open({ dataDir, builtin: false });
    second.importReleases([peru]);
    second.close();
    // Another process left the older index behind: it must not hide the release imported since.
    writeFileSync(path.join(dataDir, INDEX_FILE), stale);
    const third = await Engine.open({ dataDir, builtin: false });
    expect(topTitle(third, 'anchovy fisheries in peru')).toBe(peru.title);
    third.close();
  });

  it('is ignored when unreadable, and the engine still answers', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'statebot-index-'));
    const first = await Engine.open({ dataDir, builtin: false });
    first.importReleases([kenya, peru]);
    first.close();
    const file = path.join(dataDir, INDEX_FILE);
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 200));
    const reopened = await Engine.open({ dataDir, builtin: false });
    expect(topTitle(reopened, 'kenyan foreign minister omamo horn of africa')).toBe(kenya.title);
    reopened.close();
  });
});

describe('importing many releases at once', () => {
  it('gives releases that share a date and title distinct ids', async () => {
    const engine = await Engine.open({ builtin: false });
    const copies = [1, 2, 3].map((n) => ({ ...kenya, url: `https://www.state.gov/kenya-call-${n}/` }));
    const report = engine.importReleases(copies);
    const ids = report.added.map((release) => release.id);
    expect(new Set(ids).size).toBe(3);
    expect(ids.slice(1)).toEqual([`${ids[0]}-2`, `${ids[0]}-3`]);
    engine.close();
  });
});
