/**
 * Releases the bot tests import into a temporary DATA_DIR (through the engine's public import), dated after the
 * built-in corpus so they are the "latest day" and easy to tell apart from it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RawRelease } from '../src/corpus/release.js';
import { Engine } from '../src/search/engine.js';

export const FIXTURE_DAY = '2031-03-12';
export const ZANZIBAR_TITLE = 'Zanzibar Fisheries Accord Signed';
export const ZANZIBAR_ANSWER = 'signed a fisheries accord in Zanzibar on March 9 covering 4,200 tonnes of tuna';
export const LONG_TITLE = 'Remarks on Maritime Security in the Indian Ocean';
export const KENYA_TALKS = 12;

function raw(title: string, date: string, paragraphs: string[], extra: Partial<RawRelease> = {}): RawRelease {
  return {
    title,
    date,
    office: 'Office of the Spokesperson',
    url: `https://www.state.gov/${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}/`,
    paragraphs,
    kind: null,
    format: 'json',
    ...extra,
  };
}

const TOPICS = ['agriculture', 'health', 'energy', 'trade', 'education', 'water', 'roads', 'ports', 'climate', 'science', 'culture', 'tourism'];

export function fixtureReleases(): RawRelease[] {
  const releases: RawRelease[] = [
    raw(ZANZIBAR_TITLE, FIXTURE_DAY, [
      `The United States and Tanzania ${ZANZIBAR_ANSWER}.`,
      'The accord sets catch limits and funds patrols by the Tanzanian coast guard.',
    ]),
  ];
  TOPICS.slice(0, KENYA_TALKS).forEach((topic, i) => {
    releases.push(
      raw(`United States and Kenya Hold Talks on ${topic[0]!.toUpperCase()}${topic.slice(1)}`, `2031-02-${String(10 + i).padStart(2, '0')}`, [
        `The United States and Kenya held talks on ${topic} cooperation in Nairobi on February ${10 + i}.`,
        `Kenyan and American officials agreed to meet again on ${topic} next year.`,
      ]),
    );
  });
  // Long enough to need several pages, with markdown and mentions that must arrive inert.
  const paragraph = (n: number) =>
    `Paragraph ${n}: the **United States** remains committed to freedom of navigation in the Indian Ocean, ` +
    `working with partners on __maritime__ domain awareness, port security, and search and rescue; ` +
    `@everyone agrees that <@&123456> and # headings must not break the layout. `.repeat(3);
  releases.push(
    raw(LONG_TITLE, '2031-03-11', Array.from({ length: 30 }, (_, i) => paragraph(i + 1)), {
      office: 'Antony J. Blinken, Secretary of State',
      kind: 'Remarks',
    }),
  );
  return releases;
}

/** A temporary data directory holding the fixture releases; `cleanup` removes it. */
export async function fixtureDataDir(): Promise<{ dataDir: string; cleanup: () => void }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'statebot-test-'));
  const engine = await Engine.open({ dataDir, builtin: false });
  const report = engine.importReleases(fixtureReleases());
  engine.close();
  if (report.errors.length) throw new Error(`fixture import failed: ${report.errors.join('; ')}`);
  return { dataDir, cleanup: () => rmSync(dataDir, { recursive: true, force: true }) };
}
