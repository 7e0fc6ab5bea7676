import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_CORPUS, buildCorpus, serializeCorpus } from '../src/corpus/build.js';
import { parseJsonLines } from '../src/corpus/jsonl.js';
import { inferKind } from '../src/corpus/kind.js';
import { loadFiles } from '../src/corpus/load.js';
import { parsePlainTextRelease } from '../src/corpus/plaintext.js';
import { preprocess } from '../src/corpus/preprocess.js';

describe('built-in corpus', () => {
  const releases = buildCorpus();

  it('is not stale: corpus/releases.json is what `npm run corpus:build` makes from corpus/raw', () => {
    expect(readFileSync(BUILT_CORPUS, 'utf8'), 'run `npm run corpus:build` and commit corpus/releases.json').toBe(serializeCorpus(releases));
  });

  it('holds the ten releases of 2–3 December 2021, with the year recorded', () => {
    expect(releases).toHaveLength(10);
    expect(new Set(releases.map((r) => r.date))).toEqual(new Set(['2021-12-02', '2021-12-03']));
  });

  it('parses a release into a structured record', () => {
    const thailand = releases.find((r) => r.title === 'Thailand National Day')!;
    expect(thailand.id).toBe('2021-12-03-thailand-national-day');
    expect(thailand.office).toBe('Antony J. Blinken, Secretary of State');
    expect(thailand.kind).toBe('Press Statement');
    expect(thailand.countries).toContain('TH');
    expect(thailand.paragraphs.length).toBeGreaterThan(1);
    expect(thailand.sentences.some((s) => s.text.includes('best wishes to the people of Thailand'))).toBe(true);
  });

  it('replaces no-break spaces with plain ones', () => {
    const all = JSON.stringify(releases);
    expect(all).not.toMatch(/[\u00A0\u202F]/);
    expect(releases.some((r) => r.title === 'On the International Day of Persons with Disabilities')).toBe(true);
  });

  it('drops the Begin Text / End Text markers of joint statements', () => {
    const syria = releases.find((r) => r.title.startsWith('Joint Statement on the Syria'))!;
    expect(syria.kind).toBe('Joint Statement');
    expect(syria.paragraphs.some((p) => /^(begin|end) text\b/i.test(p))).toBe(false);
  });

  it('gives every release a unique, readable id', () => {
    const ids = releases.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^\d{4}-\d{2}-\d{2}-[a-z0-9-]+$/);
  });
});

describe('plain-text releases', () => {
  const text = 'A Title\n3 Dec\nNed Price, Department Spokesperson\n\nFirst paragraph here.\n\nSecond one.\n';

  it('reads title, date with the given year, byline and paragraphs', () => {
    const { releases, errors } = parsePlainTextRelease(text, 'x.txt', 2021);
    expect(errors).toEqual([]);
    expect(releases[0]).toMatchObject({ title: 'A Title', date: '2021-12-03', office: 'Ned Price, Department Spokesperson', paragraphs: ['First paragraph here.', 'Second one.'] });
  });

  it('refuses to guess a missing year, and says where', () => {
    const { releases, errors } = parsePlainTextRelease(text, 'x.txt');
    expect(releases).toEqual([]);
    expect(errors[0]).toMatch(/^x\.txt:2: .*year/);
  });

  it('reports an unreadable date line with its line number', () => {
    expect(parsePlainTextRelease('Title\nsometime\nOffice\n\nBody.', 'y.txt', 2021).errors[0]).toMatch(/^y\.txt:2: cannot read the date line/);
  });
});

describe('JSON Lines', () => {
  it('imports good lines and reports each bad one with its line number', () => {
    const lines = [
      JSON.stringify({ title: 'Good', date: '2021-06-01', office: null, url: 'https://www.state.gov/good/', body: 'One.\n\nTwo.' }),
      '{not json',
      JSON.stringify({ title: 'No date', body: 'x' }),
      '',
      JSON.stringify({ title: 'Bad date', date: '2021-13-01', body: 'x' }),
    ].join('\n');
    const { releases, errors } = parseJsonLines(lines, 'feed.jsonl');
    expect(releases.map((r) => r.title)).toEqual(['Good']);
    expect(releases[0]!.paragraphs).toEqual(['One.', 'Two.']);
    expect(errors).toEqual([expect.stringMatching(/^feed\.jsonl:2: not valid JSON/), expect.stringMatching(/^feed\.jsonl:3: .*date/), expect.stringMatching(/^feed\.jsonl:5: .*date/)]);
  });

  it('loads files of several kinds and reports a missing one by name', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'statebot-load-'));
    mkdirSync(path.join(dir, '2021'));
    writeFileSync(path.join(dir, '2021', 'a.txt'), 'Kenya Title\n1 Dec\nOffice of the Spokesperson\n\nThe United States and Kenya met.\n');
    writeFileSync(path.join(dir, 'b.jsonl'), JSON.stringify({ title: 'B', date: '2021-07-01', body: 'Body text.' }) + '\n');
    const { releases, errors } = await loadFiles([path.join(dir, '2021', 'a.txt'), path.join(dir, 'b.jsonl'), path.join(dir, 'missing.jsonl')]);
    expect(releases.map((r) => r.date)).toEqual(['2021-12-01', '2021-07-01']);
    expect(errors).toEqual([expect.stringContaining('missing.jsonl: no such file')]);
  });
});

describe('kinds', () => {
  it('infers the kind from the title and text when the source does not say', () => {
    expect(inferKind('Secretary Blinken’s Call with Israeli Prime Minister Bennett', ['The following is attributable to Spokesperson Ned Price:'])).toBe('Readout');
    expect(inferKind('Joint Statement on the Syria Special Envoy Meeting', ['x'])).toBe('Joint Statement');
    expect(inferKind('Secretary Blinken to Participate in Reuters NEXT Virtual Global Conference', ['x'])).toBe('Media Note');
    expect(inferKind('Public Schedule – July 22, 2021', ['x'])).toBe('Public Schedule');
    expect(inferKind('Secretary Antony J. Blinken at a Press Availability', ['SECRETARY BLINKEN: Good morning.'])).toBe('Remarks');
    expect(inferKind('Thailand National Day', ['On behalf of the United States...'])).toBe('Press Statement');
    expect(inferKind('Anything', ['x'], 'MEDIA NOTE')).toBe('Media Note');
  });

  it('takes a guessed kind (the shared corpus’ kind_guess) only where the text shows none', () => {
    const line = (kindGuess: string, title: string, body: string) => JSON.stringify({ title, date: '2021-08-09', office: 'Antony J. Blinken, Secretary of State', url: null, body, kind_guess: kindGuess });
    const jsonl = [
      line('Press Statement', 'Domestic Renewal as a Foreign Policy Priority', 'College Park, MD\n\nSECRETARY BLINKEN: Well, good afternoon, everyone.'),
      line('Media Note', 'United States Contributes to Vaccine Effort', 'The United States announced today a contribution.'),
      line('Special Briefing', 'Briefing with Senior State Department Officials', 'MODERATOR: Thank you all for joining.'),
    ].join('\n');
    const { releases } = parseJsonLines(jsonl, 'guesses.jsonl');
    expect(releases.map((raw) => preprocess(raw).kind)).toEqual(['Remarks', 'Media Note', 'Special Briefing']);
  });

  it('preprocesses sentences in document order with their paragraph', () => {
    const release = preprocess({ title: 'T', date: '2021-06-01', office: null, url: null, paragraphs: ['Begin Text:', 'Mr. Smith met Dr. Jones. They talked.', 'End Text.'], format: 'jsonl' });
    expect(release.paragraphs).toEqual(['Mr. Smith met Dr. Jones. They talked.']);
    expect(release.sentences).toEqual([
      { text: 'Mr. Smith met Dr. Jones.', paragraph: 0 },
      { text: 'They talked.', paragraph: 0 },
    ]);
  });

  it('does not end a sentence at a rank, a "(ret.)" or a month abbreviation', () => {
    expect(sentencesOf('In honor of Ambassador (ret.) Ruth A. Davis, FSI renames a room. Gen. Milley and Capt. Smith arrive Sept. 3 at noon. Guests follow.')).toEqual([
      'In honor of Ambassador (ret.) Ruth A. Davis, FSI renames a room.',
      'Gen. Milley and Capt. Smith arrive Sept. 3 at noon.',
      'Guests follow.',
    ]);
  });

  it('ends a sentence at "Washington, D.C." but not at an initial', () => {
    expect(sentencesOf('Secretary Antony J. Blinken met the minister in Washington, D.C. The Secretary welcomed the talks.')).toEqual([
      'Secretary Antony J. Blinken met the minister in Washington, D.C.',
      'The Secretary welcomed the talks.',
    ]);
  });
});

/** The sentences preprocessing splits one paragraph into. */
function sentencesOf(paragraph: string): string[] {
  return preprocess({ title: 'T', date: '2021-06-01', office: null, url: null, paragraphs: [paragraph], format: 'jsonl' }).sentences.map((sentence) => sentence.text);
}
