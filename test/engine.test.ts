import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { preprocess } from '../src/corpus/preprocess.js';
import type { RawRelease } from '../src/corpus/release.js';
import { UserError } from '../src/errors.js';
import { organizationTerms } from '../src/nlp/organizations.js';
import { searchTerms } from '../src/nlp/terms.js';
import { Engine } from '../src/search/engine.js';

let engine: Engine;
beforeAll(async () => {
  engine = await Engine.open({ builtin: true, today: () => '2021-12-06' });
});

const raw = (overrides: Partial<RawRelease> = {}): RawRelease => ({
  title: 'Secretary Blinken’s Call with Kenyan Foreign Minister Omamo',
  date: '2021-12-06',
  office: 'Office of the Spokesperson',
  url: 'https://www.state.gov/secretary-blinkens-call-with-kenyan-foreign-minister-omamo/',
  paragraphs: ['Secretary of State Antony J. Blinken spoke today with Kenyan Cabinet Secretary for Foreign Affairs Raychelle Omamo about regional security in the Horn of Africa.'],
  format: 'jsonl',
  ...overrides,
});

describe('ask', () => {
  it('answers with the sentence of the best release that holds the answer', () => {
    const result = engine.ask('who led the kenyan delegation in the cyber dialogue with the US?');
    expect(result.answer?.release.title).toBe('United States and Kenya Hold Dialogue on Cyber Issues');
    expect(result.answer?.text).toContain('Dennis N. Mutiso');
    expect(result.results[0]!.release.id).toBe(result.answer!.release.id);
  });

  it('understands a demonym and a time reference, and filters by the date', () => {
    const result = engine.ask('What did the Swedish PM and Blinken discuss on December 2?');
    expect(result.dateRange?.from).toBe('2021-12-02');
    expect(result.answer?.release.countries).toContain('SE');
    expect(result.results.every((hit) => hit.release.date >= '2021-12-01' && hit.release.date <= '2021-12-05')).toBe(true);
  });

  it('answers "what did X say about Y" with the sentence about Y, not the one naming X', async () => {
    const colombia = await Engine.open({ builtin: true });
    colombia.importReleases([
      raw({
        title: 'Secretary Blinken’s Meeting with Colombian Vice President Ramírez',
        date: '2021-05-28',
        url: 'https://www.state.gov/meeting-colombia/',
        paragraphs: [
          'Secretary of State Antony J. Blinken met with Colombian Vice President Marta Lucía Ramírez today at the Department of State. ' +
            'The Secretary reaffirmed the enduring partnership between our two countries. ' +
            'He expressed his condolences for the loss of life during recent protests in Colombia and reiterated the right of citizens to protest peacefully.',
        ],
      }),
    ]);
    const answer = colombia.ask('what did blinken say about the protests in colombia when he met VP Ramírez at the State Department?').answer;
    expect(answer?.text).toContain('right of citizens to protest peacefully');
  });

  it('names who issued a joint statement from its preamble, which summaries leave out', async () => {
    const joint = await Engine.open({ builtin: true });
    const [release] = joint.importReleases([
      raw({
        title: 'Joint Statement on Belarus',
        date: '2021-06-21',
        url: 'https://www.state.gov/joint-statement-on-belarus/',
        paragraphs: [
          'The text of the following statement was released by the Governments of the United States of America, Canada and the United Kingdom, and the European External Action Service.',
          'We are united in our deep concern regarding the Lukashenka regime’s continuing attacks on human rights. Today, we have taken coordinated sanctions action against the regime.',
        ],
      }),
    ]).added;
    expect(joint.ask('which governments issued the joint statement on Belarus?').answer?.text).toContain('Canada and the United Kingdom');
    expect(joint.summarize(release!.id, 2).sentences.join(' ')).not.toContain('following statement');
  });

  it('answers "what time" with the clock time and "when" with a calendar date rather than "today"', async () => {
    const engine = await Engine.open({ builtin: true });
    engine.importReleases([
      raw({
        title: 'Secretary Blinken’s Meeting with Qatari Foreign Minister Al-Thani',
        date: '2021-07-22',
        url: 'https://www.state.gov/qatar-meeting/',
        paragraphs: [
          'Secretary Blinken met today with Qatari Foreign Minister Al-Thani in Washington.',
          'Secretary Blinken met with Qatari Foreign Minister Al-Thani at 4:00 p.m. in Washington.',
          'Secretary Blinken met with Qatari Foreign Minister Al-Thani in Washington on July 22, 2021.',
        ],
      }),
    ]);
    expect(engine.ask('what time did blinken meet the qatari foreign minister in washington?').answer?.text).toContain('4:00 p.m.');
    expect(engine.ask('when did blinken meet the qatari foreign minister in washington?').answer?.text).toContain('July 22, 2021');
  });

  it('knows organizations by acronym and by name ("WHO" in capitals only)', async () => {
    const engine = await Engine.open({ builtin: true });
    engine.importReleases([
      raw({
        title: 'Secretary Blinken’s Meeting with the World Health Organization Director-General Tedros',
        date: '2021-07-28',
        url: 'https://www.state.gov/who-meeting/',
        paragraphs: ['Secretary Blinken met World Health Organization Director-General Tedros and discussed phase two studies of the origins of COVID-19.'],
      }),
      raw({
        title: 'Department Press Briefing – July 22, 2021',
        date: '2021-07-22',
        url: 'https://www.state.gov/briefing-july-22/',
        paragraphs: ['Our chief concern is the origins studies. Blinken told the chief of mission that origins studies must go on, and origins studies will.'],
      }),
    ]);
    expect(engine.ask('what did blinken tell the WHO chief about origins studies?').results[0]?.release.title).toContain('World Health Organization');
    expect(organizationTerms('who is the chief?')).toEqual([]);
    expect(organizationTerms('NATO and the Organization of American States')).toEqual([...searchTerms('North Atlantic Treaty Organization'), ...searchTerms('OAS')]);
  });

  it('answers "how many" with a count, not a date, and "who" with a name the question does not give', async () => {
    const engine = await Engine.open({ builtin: true });
    engine.importReleases([
      raw({
        title: '23rd Commemoration of the August 7th U.S. Embassy Bombings',
        date: '2021-08-07',
        url: 'https://www.state.gov/embassy-bombings/',
        paragraphs: [
          'Today we remember the terror attacks that took place on August 7, 1998, in Kenya and Tanzania. ' +
            'Their attacks killed 224 men, women, and children, and injured over 4,500 others.',
        ],
      }),
      raw({
        title: 'Travel of Special Representative Kim to the Republic of Korea',
        date: '2021-06-17',
        url: 'https://www.state.gov/kim-travel/',
        paragraphs: [
          'Special Representative Kim will join a trilateral meeting with ROK Special Representative Noh Kyu-duk and Japanese Director General Funakoshi Takehiro. ' +
            'Special Representative Kim’s travel to Seoul emphasizes the importance of U.S.-ROK-Japan trilateral cooperation and a trilateral approach.',
        ],
      }),
    ]);
    expect(engine.ask('how many people were killed in the 1998 embassy bombings in kenya and tanzania?').answer?.text).toContain('killed 224');
    expect(engine.ask('who is japan sending to the trilateral with special representative kim?').answer?.text).toContain('Funakoshi Takehiro');
  });

  it('does not take "critical" for criticism or an executive order for an execution', () => {
    expect(searchTerms('critical')).not.toEqual(searchTerms('criticize'));
    expect(searchTerms('criticized criticism')).toEqual([searchTerms('criticize')[0]]);
    expect(searchTerms('executive')).not.toEqual(searchTerms('execution'));
    expect(searchTerms('Critically')).toEqual(searchTerms('critical'));
  });

  it('says plainly when nothing is relevant instead of returning noise', () => {
    const result = engine.ask('what is the airspeed velocity of an unladen swallow');
    expect(result.answer).toBeNull();
    expect(result.results).toEqual([]);
    // A country and a date are not enough when the question's own rare words are in none of the releases about it.
    expect(engine.ask('what was the weather in kenya in december 2021?').answer).toBeNull();
    expect(engine.ask('did it snow in stockholm on december 2?').answer).toBeNull();
    expect(engine.ask('what did the US say about kenya in december 2021?').answer?.release.title).toBe('United States and Kenya Hold Dialogue on Cyber Issues');
  });

  it('reads a time that finds nothing as the time of the event, and says so', async () => {
    const engine = await Engine.open({ builtin: true });
    engine.importReleases([
      raw({
        title: 'Addressing Root Causes of Migration at the Central American Integration System Meeting',
        date: '2021-06-01',
        url: 'https://www.state.gov/sica-meeting/',
        paragraphs: ['In April, the Vice President announced $310 million to address food insecurity and support vulnerable people in Central America.'],
      }),
    ]);
    const result = engine.ask('how much money did the vice president announce in april for food insecurity in central america?');
    expect(result.answer?.text).toContain('$310 million');
    expect(result.dateRange?.label).toMatch(/April 2021.*all dates were searched/);
    // A time that does find an answer still filters.
    expect(engine.ask('what did the US say about central america on june 1?').dateRange?.label).toBe('June 1, 2021');
  });

  it('quotes a second sentence that answers about as well, in the order of the release', async () => {
    const engine = await Engine.open({ builtin: true });
    engine.importReleases([
      raw({
        title: 'U.S. Assistance to the Philippines',
        date: '2021-06-12',
        url: 'https://www.state.gov/philippines-assistance/',
        paragraphs: [
          'In the Philippines, the United States has invested more than $26.2 million in the country’s COVID-19 response.',
          'The two countries marked 75 years of diplomatic relations this year.',
          'The United States has also shared 6.2 million COVID-19 vaccine doses with the Philippines.',
        ],
      }),
    ]);
    const answer = engine.ask('how much has the US given the philippines for covid?').answer?.text;
    expect(answer).toBe(
      'In the Philippines, the United States has invested more than $26.2 million in the country’s COVID-19 response. … The United States has also shared 6.2 million COVID-19 vaccine doses with the Philippines.',
    );
  });

  it('quotes the next sentence of the paragraph when it carries on the answer, and not one of another paragraph', async () => {
    const engine = await Engine.open({ builtin: true });
    engine.importReleases([
      raw({
        title: 'Deputy Secretary Sherman’s Meeting with Japanese Defense Minister Kishi',
        date: '2021-07-20',
        url: 'https://www.state.gov/sherman-kishi/',
        paragraphs: [
          'Deputy Secretary of State Wendy R. Sherman met with Japanese Defense Minister Kishi Nobuo in Tokyo today.',
          'Deputy Secretary Sherman and Defense Minister Kishi reaffirmed that the U.S.-Japan Alliance remains the cornerstone of peace and security in the Indo-Pacific. Deputy Secretary Sherman highlighted that the Alliance is unwavering in its commitment to the defense of Japan.',
          'They also discussed trilateral cooperation with the Republic of Korea on climate and health security.',
        ],
      }),
    ]);
    const answer = engine.ask('what did sherman and kishi reaffirm about the alliance?').answer?.text;
    expect(answer).toBe(
      'Deputy Secretary Sherman and Defense Minister Kishi reaffirmed that the U.S.-Japan Alliance remains the cornerstone of peace and security in the Indo-Pacific. Deputy Secretary Sherman highlighted that the Alliance is unwavering in its commitment to the defense of Japan.',
    );
  });

  it('answers "besides X, what else …" with what is not X', async () => {
    const engine = await Engine.open({ builtin: true });
    engine.importReleases([
      raw({
        title: 'Secretary Blinken’s Call with Mexican Foreign Secretary Ebrard',
        date: '2021-07-29',
        url: 'https://www.state.gov/blinken-ebrard/',
        paragraphs: [
          'Secretary of State Antony J. Blinken spoke today with Mexican Foreign Secretary Marcelo Ebrard.',
          'Secretary Blinken and Foreign Secretary Ebrard discussed coordinated efforts between the United States and Mexico to address the root causes of irregular migration and to promote fair, orderly, and humane migration in the region.',
          'Secretary Blinken thanked Foreign Secretary Ebrard for the efforts of Mexico to address migration in the region.',
          'Secretary Blinken and Foreign Secretary Ebrard also discussed efforts to promote democracy and human rights in the region.',
        ],
      }),
    ]);
    expect(engine.ask('apart from migration, what else did blinken and ebrard talk about on their call?').answer?.text).toContain('democracy and human rights');
  });

  it('refuses empty, emoji-only and symbol-only questions with a clear message', () => {
    for (const question of ['', '   ', '🙂🙂🙂', '.*(', '?!']) {
      expect(() => engine.ask(question)).toThrowError(UserError);
    }
  });

  it('survives very long, regex-like and mention-laden questions', () => {
    expect(() => engine.ask('kenya cyber '.repeat(1000))).not.toThrow();
    expect(engine.ask('kenya cyber '.repeat(1000)).question.length).toBeLessThanOrEqual(1000);
    expect(() => engine.ask('@everyone <@&123> what about (kenya|.*)[')).not.toThrow();
  });
});

describe('search', () => {
  it('ranks releases with snippets and filters by country, kind and dates', () => {
    const result = engine.search('sanctions', { country: 'Australian' });
    expect(result.hits[0]!.release.title).toBe('On the Australian Sanctions Regime');
    expect(result.hits[0]!.snippet.length).toBeGreaterThan(20);
    const readouts = engine.search('', { kind: 'Readout' });
    expect(readouts.total).toBeGreaterThan(0);
    expect(readouts.hits.every((hit) => hit.release.kind === 'Readout')).toBe(true);
    expect(engine.search('', { from: '2021-12-03', to: '2021-12-03' }).hits.every((hit) => hit.release.date === '2021-12-03')).toBe(true);
  });

  it('rejects bad dates and unknown kinds clearly', () => {
    expect(() => engine.search('x', { from: '3 Dec' })).toThrowError(/yyyy-mm-dd/);
    expect(() => engine.search('x', { kind: 'Poem' })).toThrowError(/Unknown kind/);
  });
});

describe('summaries and digests', () => {
  it('summarizes in document order without layout lines', () => {
    const id = engine.all().find((r) => r.title.startsWith('Joint Statement on the Syria'))!.id;
    const { sentences, release } = engine.summarize(id, 3);
    expect(sentences).toHaveLength(3);
    const positions = sentences.map((s) => release.sentences.findIndex((x) => x.text === s));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const sentence of sentences) expect(sentence).not.toMatch(/^(The following|Begin Text|End Text)/i);
  });

  it('refuses a sentence count outside 1–10 and an unknown id', () => {
    const id = engine.all()[0]!.id;
    expect(() => engine.summarize(id, 0)).toThrowError(/1 to 10/);
    expect(() => engine.summarize('2021-12-03-no-such-release')).toThrowError(UserError);
  });

  it('digests the latest day by default, grouped by kind, one summary line each', () => {
    const digest = engine.digest();
    expect(digest.date).toBe('2021-12-03');
    expect(digest.count).toBe(6);
    expect(digest.groups.flatMap((g) => g.entries)).toHaveLength(6);
    for (const entry of digest.groups.flatMap((g) => g.entries)) expect(entry.summary.length).toBeGreaterThan(10);
    expect(() => engine.digest('December 3')).toThrowError(/yyyy-mm-dd/);
  });
});

describe('countries', () => {
  it('finds releases about a country from a name, demonym, alias or capital, newest first', () => {
    for (const name of ['Sweden', 'swedish', 'Stockholm', 'SE']) {
      expect(engine.country(name).releases.map((r) => r.title)).toContain('Secretary Blinken’s Meeting with Swedish Prime Minister Andersson');
    }
    expect(engine.country('Thailand').country).toEqual({ code: 'TH', name: expect.any(String) });
  });

  it('names close matches for an unknown country', () => {
    expect(() => engine.country('Swedn')).toThrowError(UserError);
    try {
      engine.country('Swedn');
    } catch (error) {
      expect((error as UserError).suggestions.join(' ')).toMatch(/Sweden/);
    }
  });
});

describe('imports', () => {
  it('derives stored releases again when the preprocessing rules changed, keeping their ids, text and import time', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'statebot-rules-'));
    const first = await Engine.open({ dataDir, builtin: false });
    const [added] = first.importReleases([raw()]).added;
    first.close();
    // As an older version would have stored it: no country tags, one run-on sentence, other rules.
    const db = new Database(path.join(dataDir, 'statebot.db'));
    const stale = { ...JSON.parse(db.prepare('SELECT json FROM releases').pluck().get() as string), countries: [], sentences: [{ text: 'stale', paragraph: 0 }] };
    db.prepare('UPDATE releases SET json = ?, meta = ?').run(JSON.stringify(stale), JSON.stringify({ ...stale, paragraphs: undefined, sentences: undefined }));
    db.prepare(`UPDATE store_state SET value = 'older-rules' WHERE key = 'rules'`).run();
    db.close();

    const reopened = await Engine.open({ dataDir, builtin: false });
    const release = reopened.get(added!.id);
    expect(release.countries).toEqual(['KE']);
    expect(release.sentences.map((sentence) => sentence.text)).toEqual(added!.sentences.map((sentence) => sentence.text));
    expect(release.paragraphs).toEqual(added!.paragraphs);
    expect(release.source.importedAt).toBe(added!.source.importedAt);
    expect(reopened.country('Kenya').releases.map((found) => found.id)).toEqual([added!.id]);
    reopened.close();
  });

  it('answers "what time" from a release that gives a clock time, not from the readout that matches the question better', () => {
    const readout = raw({
      title: 'Secretary Blinken’s Meeting with Uzbekistan Foreign Minister Kamilov',
      date: '2021-07-01',
      url: 'https://www.state.gov/secretary-blinkens-meeting-with-uzbekistan-foreign-minister-kamilov/',
      paragraphs: ['Secretary of State Antony J. Blinken met today with Uzbekistan’s Foreign Minister Abdulaziz Kamilov in Washington to discuss regional security and Afghanistan.'],
    });
    const schedule = raw({
      title: 'Public Schedule – July 1, 2021',
      date: '2021-06-30',
      url: 'https://www.state.gov/public-schedule-july-1-2021/',
      paragraphs: ['SECRETARY ANTONY J. BLINKEN', '10:00 a.m. Secretary Blinken attends a meeting at the White House.', '4:00 p.m. Secretary Blinken meets with Uzbek Foreign Minister Kamilov, at the Department of State.'],
    });
    const engine = Engine.fromReleases([preprocess(readout), preprocess(schedule)]);
    const result = engine.ask('what time was blinken meeting uzbek foreign minister kamilov on july 1?');
    expect(result.answer?.release.title).toBe(schedule.title);
    expect(result.answer?.text).toContain('4:00 p.m.');
    // Asked what they discussed, the readout answers.
    expect(engine.ask('what did blinken and uzbek foreign minister kamilov discuss on july 1?').answer?.release.title).toBe(readout.title);
  });

  it('answers a question about an event to come in an asked month from the release that announced it earlier', () => {
    const announcement = raw({
      title: 'Republic of Korea to Host UN Peacekeeping Ministerial',
      date: '2021-08-10',
      url: 'https://www.state.gov/rok-to-host-un-peacekeeping-ministerial/',
      paragraphs: ['The Republic of Korea will host the UN Peacekeeping Ministerial in Seoul on December 7-8, 2021, with the support of the United States.'],
    });
    const december = raw({
      title: 'On the Anniversary of UN Peacekeeping Operations',
      date: '2021-12-02',
      url: 'https://www.state.gov/on-the-anniversary-of-un-peacekeeping-operations/',
      paragraphs: ['The United States honors the peacekeepers who serve in UN missions around the world, and thanks the countries hosting them.'],
    });
    const engine = Engine.fromReleases([preprocess(announcement), preprocess(december)]);
    const result = engine.ask('which country is hosting the UN peacekeeping ministerial in december 2021?');
    expect(result.answer?.release.title).toBe(announcement.title);
    // The month is the event's, so it ranks releases but does not filter them; the reply still names it.
    expect(result.dateRange?.label).toBe('December 2021');
    // Without an event in the month, the month's own release answers.
    expect(engine.ask('which peacekeepers did the US honor in december 2021?').answer?.release.title).toBe(december.title);
  });

  it('answers with the reply, not the question, when a reporter in a transcript asked what the user asks', () => {
    const interview = raw({
      title: 'Secretary Antony J. Blinken with Chris Wallace of Fox News Sunday',
      date: '2021-06-13',
      url: 'https://www.state.gov/secretary-antony-j-blinken-with-chris-wallace-of-fox-news-sunday/',
      paragraphs: [
        'QUESTION: Secretary Blinken, welcome back to Fox News Sunday.',
        'SECRETARY BLINKEN: Good to be with you, Chris.',
        'QUESTION: Briefly, what is the biggest difference between Biden foreign policy and Trump foreign policy?',
        'SECRETARY BLINKEN: Chris, I’m resolutely looking forward, not backward. We are focused on the future.',
      ],
    });
    const engine = Engine.fromReleases([preprocess(interview), preprocess(raw())]);
    const answer = engine.ask('what did blinken say is the biggest difference between biden and trump foreign policy?').answer?.text ?? '';
    expect(answer).toContain('resolutely looking forward, not backward');
    // The reporter's question is not quoted as what was said.
    expect(answer).not.toContain('Briefly, what is the biggest difference');
  });

  it('answers what a counterpart said from the transcript where they speak, not from the readout of the meeting', () => {
    const readout = raw({
      title: 'Secretary Blinken’s Meeting with Ukrainian Foreign Minister Kuleba',
      date: '2021-08-05',
      url: 'https://www.state.gov/secretary-blinkens-meeting-with-ukrainian-foreign-minister-kuleba/',
      paragraphs: [
        'Secretary of State Antony J. Blinken met with Ukrainian Foreign Minister Dmytro Kuleba today. The Secretary reaffirmed unwavering support for Ukraine’s sovereignty and territorial integrity in the face of Russia’s aggression.',
      ],
    });
    const transcript = raw({
      title: 'Secretary Antony J. Blinken and Ukrainian Foreign Minister Dmytro Kuleba Before Their Meeting',
      date: '2021-08-05',
      url: 'https://www.state.gov/secretary-antony-j-blinken-and-ukrainian-foreign-minister-dmytro-kuleba-before-their-meeting/',
      paragraphs: [
        'SECRETARY BLINKEN: Good afternoon, everyone. It is a pleasure to welcome the Foreign Minister to Washington.',
        'FOREIGN MINISTER KULEBA: Thank you, Tony. Ukraine is a frontline state defending democracy in Europe.',
      ],
    });
    const engine = Engine.fromReleases([preprocess(readout), preprocess(transcript), preprocess(raw())]);
    const answer = engine.ask('how did kuleba describe ukraine when he met blinken in washington?').answer;
    expect(answer?.release.title).toBe(transcript.title);
    expect(answer?.text).toContain('frontline state defending democracy');
  });

  it('answers from the transcript when the question names it as the source ("at the briefing"), else from the statement', () => {
    const statement = raw({
      title: 'Russia Conducts Destructive Anti-Satellite Missile Test',
      date: '2021-11-15',
      office: 'Antony J. Blinken, Secretary of State',
      url: 'https://www.state.gov/russia-conducts-destructive-anti-satellite-missile-test/',
      paragraphs: ['Earlier today, the Russian Federation recklessly conducted a destructive satellite test of a direct-ascent anti-satellite missile against one of its own satellites. The test has so far generated over 1,500 pieces of trackable orbital debris.'],
    });
    const briefing = raw({
      title: 'Department Press Briefing – November 15, 2021',
      date: '2021-11-15',
      office: 'Ned Price, Department Spokesperson',
      url: 'https://www.state.gov/briefings/department-press-briefing-november-15-2021/',
      paragraphs: [
        'MR PRICE: Good afternoon. Earlier today, Russia conducted a destructive anti-satellite missile test against one of its own satellites, Cosmos 1408, and the test generated debris.',
        'QUESTION: Can you say more about Ethiopia?',
        'MR PRICE: We remain concerned about the fighting in Ethiopia.',
      ],
    });
    const engine = Engine.fromReleases([preprocess(statement), preprocess(briefing), preprocess(raw())]);
    expect(engine.ask('which of its own satellites did russia destroy in the test?').answer?.release.title).toBe(statement.title);
    const named = engine.ask('ned price briefing: which of its own satellites did russia destroy in the test?').answer;
    expect(named?.release.title).toBe(briefing.title);
    expect(named?.text).toContain('Cosmos 1408');
  });

  it('reads a date without its year as any year of the corpus, the latest first', () => {
    const call = (date: string, paragraph: string) =>
      raw({ title: 'Secretary Blinken’s Call with Ukrainian Foreign Minister Kuleba', date, url: `https://www.state.gov/call-kuleba-${date}/`, paragraphs: [paragraph] });
    const earlier = call('2021-03-31', 'Secretary of State Antony J. Blinken spoke today with Ukrainian Foreign Minister Dmytro Kuleba about Ukraine’s reform agenda and the Crimea Platform.');
    const later = call('2022-04-20', 'Secretary of State Antony J. Blinken spoke today with Ukrainian Foreign Minister Dmytro Kuleba to condemn the attack on Ukraine.');
    const years = Engine.fromReleases([...engine.all(), preprocess(earlier), preprocess(later)]);
    expect(years.ask('kuleba call march 31').answer?.release.date).toBe('2021-03-31');
    const filtered = years.ask('what did blinken and kuleba discuss on march 31?');
    expect(filtered.answer?.release.date).toBe('2021-03-31');
    expect(filtered.dateRange?.label).toBe('March 31, 2021');
    expect(years.ask('what did blinken and kuleba discuss on april 20?').answer?.release.date).toBe('2022-04-20');
  });

  it('answers when something planned happens from the announcement that says what will happen, not the report after it', () => {
    const announcement = raw({
      title: 'U.S. Special Envoy for Yemen Lenderking’s Travel to Saudi Arabia',
      date: '2021-06-15',
      url: 'https://www.state.gov/u-s-special-envoy-for-yemen-lenderkings-travel-to-saudi-arabia/',
      paragraphs: ['U.S. Special Envoy for Yemen Timothy Lenderking will travel to Riyadh June 15-17 to meet with Saudi officials.'],
    });
    const report = raw({
      title: 'U.S. Special Envoy for Yemen Lenderking Returns from Travel to Saudi Arabia',
      date: '2021-06-18',
      url: 'https://www.state.gov/u-s-special-envoy-for-yemen-lenderking-returns-from-travel-to-saudi-arabia/',
      paragraphs: ['U.S. Special Envoy for Yemen Timothy Lenderking returned from Saudi Arabia, where from June 15 to 17 he met with senior Saudi and Yemeni government officials and UN Special Envoy Martin Griffiths. In Saudi Arabia, Lenderking also met Yemeni officials.'],
    });
    const engine = Engine.fromReleases([preprocess(report), preprocess(announcement), preprocess(raw())]);
    expect(engine.ask('when was lenderking due in saudi arabia?').answer?.release.title).toBe(announcement.title);
  });

  it('completes a "when" answer with the next sentence when only that one gives the date ("December 9th")', () => {
    const briefing = raw({
      title: 'Department Press Briefing – August 11, 2021',
      date: '2021-08-11',
      url: 'https://www.state.gov/briefings/department-press-briefing-august-11-2021/',
      paragraphs: [
        'MR PRICE: Good afternoon. Earlier today, the White House announced that President Biden will host two summits for democracy. The first will be a virtual event on December 9th and 10th, 2021. The second will be held in person.',
      ],
    });
    const engine = Engine.fromReleases([preprocess(briefing)]);
    const answer = engine.ask('when is the first summit for democracy that biden is hosting?').answer?.text ?? '';
    expect(answer).toContain('December 9th and 10th');
    expect(answer).toContain('President Biden will host two summits');
  });

  it('keeps two releases of one day whose titles share their first words, in memory as in storage', () => {
    const titles = [
      'Deputy Secretary Sherman’s Meeting with Republic of Korea Minister of Unification Lee and Vice Minister of Unification Choi',
      'Deputy Secretary Sherman’s Meeting with Republic of Korea Foreign Minister Chung',
    ];
    const releases = titles.map((title, n) => preprocess(raw({ title, date: '2021-07-22', url: `https://www.state.gov/sherman-rok-${n}/` })));
    expect(releases[0]!.id).toBe(releases[1]!.id);
    const engine = Engine.fromReleases(releases);
    expect(engine.all().map((release) => release.title).sort()).toEqual([...titles].sort());
    expect(new Set(engine.all().map((release) => release.id)).size).toBe(2);
  });

  it('stores imports durably, updates a changed release instead of duplicating it, and tells listeners about new ones', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'statebot-engine-'));
    const first = await Engine.open({ dataDir, today: () => '2021-12-06' });
    const heard: string[] = [];
    first.onNewRelease((release) => heard.push(release.id));
    const before = first.stats().count;
    const report = first.importReleases([raw(), { ...raw(), title: '', paragraphs: [] }]);
    expect(report.added).toHaveLength(1);
    expect(report.errors).toEqual([expect.stringMatching(/no title/)]);
    expect(heard).toEqual([report.added[0]!.id]);
    expect(first.importReleases([raw()]).unchanged).toBe(1);
    const changed = first.importReleases([raw({ paragraphs: ['Secretary Blinken and Cabinet Secretary Omamo also discussed Ethiopia.'] })]);
    expect(changed.updated).toHaveLength(1);
    expect(first.stats().count).toBe(before + 1);
    expect(heard).toHaveLength(1);
    expect(first.ask('what did blinken and omamo discuss about ethiopia').answer?.text).toContain('Ethiopia');
    first.close();

    const reopened = await Engine.open({ dataDir });
    expect(reopened.stats().count).toBe(before + 1);
    expect(reopened.get(report.added[0]!.id).paragraphs[0]).toContain('Ethiopia');
    reopened.close();
  });
});
