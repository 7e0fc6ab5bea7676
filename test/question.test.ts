import { describe, expect, it } from 'vitest';
import type { Release } from '../src/corpus/release.js';
import { searchTerms } from '../src/nlp/terms.js';
import { askedClause, parseQuestion, type ParsedQuestion } from '../src/search/question.js';
import { bestSentence, titleTermsOf } from '../src/search/rank.js';
import { definedAcronyms } from '../src/search/acronyms.js';
import { sentenceTerms } from '../src/search/sentences.js';

const context = { today: '2021-12-06', corpusFirst: '2021-05-01', corpusLast: '2021-12-03' };
const parse = (question: string) => parseQuestion(question, context);
/** A release of one paragraph holding `texts` as its sentences, about `countries`; its title names nothing asked. */
const releaseOf = (texts: string[], countries: string[] = []) =>
  ({ title: 'A Statement', date: '2021-07-01', countries, sentences: texts.map((text) => ({ text, paragraph: 0 })), paragraphs: [texts.join(' ')] }) as Release;
/** The index of the sentence that answers best, with the given weights and title terms (none unless given). */
const bestIndex = (release: Release, question: ParsedQuestion, weights: Map<string, number>, titleTerms = new Set<string>()) =>
  bestSentence(release, sentenceTerms(release), titleTerms, question, weights).index;

describe('question parsing', () => {
  it('tells "when" the question word from "when" that joins a clause', () => {
    expect(parse('when is the next round of talks?').type).toBe('when');
    expect(parse('after the dialogue in geneva, when are they meeting again?').type).toBe('when');
    expect(parse('did blinken and coveney discuss the security council when they met?').type).toBe('general');
    expect(parse('when blinken called maas on may 24, what did he say about the pipeline?').type).toBe('general');
    expect(parse('what time period does the report cover?').type).toBe('when');
    expect(parse('what time is the briefing?').type).toBe('time');
    expect(parse('what day and time is blinken speaking at the summit?').type).toBe('time');
    expect(parse('where will the envoys meet?').type).toBe('where');
    expect(parse('which african country faces visa restrictions?').type).toBe('country');
    expect(parse('which countries signed the statement?').type).toBe('countries');
    expect(parse('how far back do US-portugal relations go?').type).toBe('when');
    expect(parse('us french fulbright program - what year was it set up?').type).toBe('when');
    // "the WHO plan" names the World Health Organization; "who" asks in any case but that one.
    expect(parse('what did ned price say about china rejecting the WHO plan?').type).toBe('general');
    expect(parse('Who is the new envoy?').type).toBe('who');
    expect(parse('where does the UAE rank as a trading partner?').type).toBe('general');
    expect(parse('what did state say about the protests?').type).toBe('general');
    expect(parse('which former US president did blinken call?').type).toBe('who');
    expect(parse('what UN envoy briefed the ministers?').type).toBe('who');
    expect(parse('which former namibian ministers were barred from entry?').type).toBe('who');
    expect(parse('which secretary general report came out?').type).toBe('general');
  });

  it('reads "late July", "early June" and "mid-July" as a part of the month to filter by', () => {
    expect(parse('late july armenia-azerbaijan border clashes: what did the US say?').time).toMatchObject({ range: { from: '2021-07-21', to: '2021-07-31' }, label: 'late July 2021', explicit: true });
    expect(parse('what was said in early june about vaccines').time).toMatchObject({ range: { from: '2021-06-01', to: '2021-06-10' }, explicit: true });
    expect(parse('statements since mid-July').time?.range).toEqual({ from: '2021-07-11' });
    expect(parse('late july armenia border').terms).not.toContain('late');
    // chrono reads "end of May" as May 31.
    expect(parse('US reaction to the electoral overhaul end of may 2021?').time).toMatchObject({ range: { from: '2021-05-21', to: '2021-05-31' }, label: 'end of May 2021' });
    expect(parse('what was said at the end of july').time).toMatchObject({ range: { from: '2021-07-21', to: '2021-07-31' }, explicit: true });
    expect(parse('talks at the start of august').time?.range).toEqual({ from: '2021-08-01', to: '2021-08-10' });
  });

  it('reads a date that names a release ("the July 14 briefing") as its date, before the time of what it tells', () => {
    expect(parse('how many visas did the embassy issue in may? ned price gave the numbers at the july 14 briefing').time).toMatchObject({ range: { from: '2021-07-14', to: '2021-07-14' }, explicit: true });
    expect(parse("what did price say at the june 17 briefing about the arrests?").time).toMatchObject({ range: { from: '2021-06-17', to: '2021-06-17' }, explicit: true });
    // An event's date stays a hint: releases about an election come days after it.
    expect(parse('what did the US say about the june 21 election?').time).toMatchObject({ explicit: false });
  });

  it('reads a date without its year as its latest occurrence in the corpus, and keeps the earlier years', () => {
    const years = { today: '2022-04-30', corpusFirst: '2021-01-20', corpusLast: '2022-04-01' };
    expect(parseQuestion('blinken kuleba call march 31 topics', years).time).toMatchObject({
      range: { from: '2022-03-31', to: '2022-03-31' },
      earlierYears: [{ range: { from: '2021-03-31', to: '2021-03-31' }, label: 'March 31, 2021' }],
    });
    // Written with its year, or in a corpus of one year, the date has no other.
    expect(parseQuestion('blinken kuleba call march 31, 2022', years).time?.earlierYears).toBeUndefined();
    // February 29 of a common year is the 28th.
    const leap = parseQuestion('what did they say on february 29?', { today: '2024-03-20', corpusFirst: '2022-01-01', corpusLast: '2024-03-15' }).time;
    expect(leap?.range.from).toBe('2024-02-29');
    expect(leap?.earlierYears?.map((earlier) => earlier.range.from)).toEqual(['2023-02-28', '2022-02-28']);
    expect(parse('what did the US say on june 17?').time?.earlierYears).toBeUndefined();
  });

  it('keeps a year alone ("in 2022") as a word: it is often the year a statement looks back on, not its date', () => {
    expect(parse('how many journalists were jailed in 2021 according to the press freedom day statement?').time).toBeNull();
    expect(parse('how many journalists were jailed in 2021 according to the press freedom day statement?').terms).toContain('2021');
  });

  it('reads "according to X" as a source, not as an accord', () => {
    const parsed = parse('according to blinken, what would the budget do?');
    expect(parsed.speaker).toEqual(['blinken']);
    expect([...parsed.terms, ...parsed.expansions]).not.toEqual(expect.arrayContaining(searchTerms('accord')));
    expect(parsed.expansions).not.toContain(searchTerms('agreement')[0]);
  });

  it('reads numbers from ten up the same in words, in digits and as ordinals: "33rd" is "thirty-three"', () => {
    expect(searchTerms('Thirty-three years ago')[0]).toBe('33');
    expect(searchTerms('the 33rd anniversary')[0]).toBe('33');
    expect(searchTerms('the twentieth century, fifteen people')).toEqual(expect.arrayContaining(['20', '15']));
    // Small number words are words first ("one of", "third country"), and stay words.
    expect(searchTerms('one third country')).toEqual(searchTerms('one third country').filter((term) => !/^\d+$/.test(term)));
  });

  it('finds the noun of a verb where the stemmer keeps them apart: "respond" / "response", "agree" / "agreement"', () => {
    expect(parse('did the US say it would respond to the attack?').expansions).toEqual(expect.arrayContaining(searchTerms('response')));
    expect(parse('what was in the agreement?').expansions).toEqual(expect.arrayContaining([...searchTerms('agree'), ...searchTerms('deal')]));
    // "defense" is the Department's and the minister's in these releases, not what "defend" asks about.
    expect(parse('did the US defend the decision?').expansions).not.toContain(searchTerms('defense')[0]);
  });

  it('knows what a question sets aside: "besides ISIS and covid, what …", "… apart from migration?"', () => {
    expect(parse('besides ISIS and covid, what did blinken want to work on with nyusi?').setAside).toEqual(searchTerms('ISIS and covid'));
    expect(parse('what else did they discuss apart from migration?').setAside).toEqual(searchTerms('migration'));
    expect(parse('what did they discuss?').setAside).toEqual([]);
  });

  it('knows when a question names a spoken source as where something was said, not as what it asks about', () => {
    expect(parse('at the blinken kuleba joint presser, did blinken say the charter guarantees nato membership?').spokenSource).toBe(true);
    expect(parse('ned price briefing: which satellite did russia blow up?').spokenSource).toBe(true);
    expect(parse('how many cases, per the briefing announcing the expansion?').spokenSource).toBe(true);
    expect(parse("who's giving the state department press briefing on july 30?").spokenSource).toBe(false);
    expect(parse("where can i watch blinken's speech at the summit?").spokenSource).toBe(false);
  });

  it('reads amounts as chat writes them in the words of releases: "$266m", "1.5bn", "10k"', () => {
    expect(parse('the $266m in afghan aid').terms).toEqual(expect.arrayContaining(searchTerms('266 million')));
    expect(parse('a 1.5bn package').terms).toEqual(expect.arrayContaining(searchTerms('1.5 billion')));
    expect(parse('10k troops').terms).toEqual(expect.arrayContaining(searchTerms('10 thousand')));
    expect(parse('section 3 b of the act').terms).not.toContain(searchTerms('billion')[0]);
  });

  it('writes out chat abbreviations as releases spell them: "state dept", "afghan govt", "ex-president", "nyc"', () => {
    expect(parse('what did the state dept say about the afghan govt?').terms).toEqual(expect.arrayContaining(searchTerms('government')));
    expect(parse('what did the state dept say about the afghan govt?').terms).not.toContain('dept');
    expect(parse("the int'l community's response").terms).toEqual(expect.arrayContaining(searchTerms('international')));
    expect(parse('which narco group paid off ex-president lobo?').terms).toEqual(expect.arrayContaining(searchTerms('former')));
    expect(parse('renaming the nyc street').terms).toEqual(expect.arrayContaining(searchTerms('new york city')));
    // Words that only start like one are left alone.
    expect(parse('the depth of the relationship').terms).toEqual(expect.arrayContaining(searchTerms('depth')));
  });

  it('knows a question about something planned: "when is …", "what time is …", "was due in …"', () => {
    expect(parse('when was lenderking due in saudi arabia?').planned).toBe(true);
    expect(parse('what time is blinken’s conversation with capehart?').planned).toBe(true);
    expect(parse('when did the us and kenya hold their first cyber talks?').planned).toBe(false);
  });

  it('reads the time of a question about what is to come as the event’s, not as a filter on release dates', () => {
    expect(parse('who will run the embassy in london from august 2021?').time).toMatchObject({ range: { from: '2021-08-01' }, explicit: false });
    expect(parse('who ran the embassy in london from august 2021?').time).toMatchObject({ range: { from: '2021-08-01' }, explicit: true });
    expect(parse('which country is hosting the ministerial in december 2021?').time).toMatchObject({ explicit: false });
  });

  it('reads "may" as the month after a word that introduces a time, and as the verb elsewhere', () => {
    expect(parse('what did state say about the protesters in late may?').time).toMatchObject({ range: { from: '2021-05-21', to: '2021-05-31' }, label: 'late May 2021', explicit: true });
    expect(parse('statements since may').time?.range).toEqual({ from: '2021-05-01' });
    expect(parse('gaza ceasefire talks mid-may').time?.range).toEqual({ from: '2021-05-11', to: '2021-05-20' });
    expect(parse('what was said in may about vaccines').time?.range).toEqual({ from: '2021-05-01', to: '2021-05-31' });
    expect(parse('which countries may host the talks?').time).toBeNull();
  });

  it('knows the words of a country named in several words, so a release about it covers them', () => {
    const terms = parse('ivory coast independence day: how many years?').countryTerms;
    for (const term of [...searchTerms('ivory'), ...searchTerms('coast')]) expect(terms.get(term)).toEqual(['CI']);
  });

  it('reads "the east" as "eastern" and a vote as an election', () => {
    expect(searchTerms('eastern Congo')).toEqual(searchTerms('east congo'));
    expect(searchTerms('the flag will be flown')).toEqual(searchTerms('flag flying'));
    expect(searchTerms('they withdrew, and spoke')).toEqual(searchTerms('withdraw speak'));
    expect(searchTerms('protestors')).toEqual(searchTerms('protesters'));
    expect(parse('what did they say about the next vote').expansions).toContain(searchTerms('election')[0]);
    // Derived forms the stemmer keeps apart: "foreign ministers meeting" finds the "Foreign Ministerial".
    expect(searchTerms('ministers')).not.toEqual(searchTerms('ministerial'));
    expect(parse('the nato foreign ministers meeting').expansions).toContain(searchTerms('ministerial')[0]);
    expect(parse('asia-pacific partners').expansions).toContain(searchTerms('partnership')[0]);
    expect(parse('what did they discuss on africa').expansions).toContain(searchTerms('african')[0]);
    expect(parse('which country brokered the gaza ceasefire?').expansions).toContain(searchTerms('mediation')[0]);
    expect(parse('what did blinken tell kuwait tv?').expansions).toContain(searchTerms('television')[0]);
    // "State" is the Department far more often than the verb: it has no synonyms ("stress", "note").
    expect(parse('who is giving the state department press briefing?').expansions).not.toContain(searchTerms('stress')[0]);
    // "on the phone" is a call, but "call" is not always the phone ("which country do they call the oldest republic").
    expect(parse('what did blinken promise abbas on the phone').expansions).toContain(searchTerms('call')[0]);
    expect(parse('which country do they call the oldest republic').expansions).not.toContain(searchTerms('phone')[0]);
    // "what did blinken want tunisia's leaders to do": what he urged them to do.
    expect(parse('what did blinken want tunisia’s leaders to do?').verb).toEqual(expect.arrayContaining(searchTerms('urge')));
  });

  it('knows the verb a "what did X …" question asks about', () => {
    expect(parse('What did Blinken urge Haiti’s new PM to do when they spoke?').verb).toEqual(searchTerms('urge'));
    expect(parse('what has the US pledged to lebanon').verb).toEqual(searchTerms('pledged'));
    expect(parse('blinken macron meeting: what did they discuss on africa').verb).toContain(searchTerms('discuss')[0]);
    // "who chaired the board": the answer says who did it ("served as Chair").
    expect(parse('who chaired the accountability review board?').verb).toEqual(expect.arrayContaining(searchTerms('chair')));
    expect(parse('who is the new ambassador to kenya?').verb).toEqual([]);
    // The tagger reads "ned" as a verb; the verb after a speaker asked about is known.
    expect(parse('what did ned price say about the WHO plan?').verb).not.toContain(searchTerms('ned')[0]);
    expect(parse('what did FM kuleba urge germany to do?').verb).toEqual(expect.arrayContaining(searchTerms('urge')));
    // "who did X thank": the answer says it, in any of its words ("we are grateful to …").
    expect(parse('who did the US thank for the release of the detainees?').verb).toEqual(expect.arrayContaining(searchTerms('thank grateful')));
  });

  it('does not search for the State Department when it is only the speaker', () => {
    expect(parse('which country does the State Department call Africa’s oldest republic?').terms).toEqual(searchTerms('country call Africa’s oldest republic'));
    expect(parse('what did state say about the militias?').terms).toEqual(searchTerms('militias'));
    expect(parse('the state department budget request').terms).toEqual(searchTerms('state department budget request'));
  });

  it('knows whose words a "what did X say" question asks for', () => {
    expect(parse('what did blinken tell merkel about germany?').speaker).toEqual(['blinken']);
    // A title names no one in particular: "minister" would match every minister's turns.
    expect(parse('how did FM Kuleba describe Ukraine?').speaker).toEqual(['kuleba']);
    expect(parse('what did israeli defense minister benny gantz say he wanted to discuss?').speaker).toEqual(['israeli', 'benny', 'gantz']);
    expect(parse('what did the secretary say about the pipeline?').speaker).toEqual(['secretary']);
    expect(parse('how many troops does qatar host, according to blinken when he welcomed al-thani?').speaker).toEqual(['blinken']);
    expect(parse('who led the kenyan delegation?').speaker).toEqual([]);
  });

  it('knows what "how many" counts, joined words included', () => {
    expect(parse('how many people and entities were sanctioned?').focus).toEqual([...searchTerms('people'), ...searchTerms('entities')]);
    expect(parse('how many belarusian journalists have been detained?').focus).toEqual(searchTerms('belarusian journalists'));
    expect(parse('how many agencies sit on the task force?').focus).toEqual(searchTerms('agencies'));
  });

  it('finds the clause that asks after the scene a question sets', () => {
    expect(askedClause('kerry’s saudi visit, climate statement: which green programs will the US engage on?')).toBe('which green programs will the US engage on?');
    expect(askedClause('blinken + whitmer on the pipeline — is there any formal process on it?')).toBe('is there any formal process on it?');
    expect(askedClause('after the first dialogue in geneva, when are they meeting again?')).toBe('when are they meeting again?');
    expect(askedClause('what post did blinken announce when he met the AFL-CIO executive council?')).toBe('what post did blinken announce');
    expect(askedClause('when is the next round of talks?')).toBeNull();
    expect(askedClause('who led the kenyan delegation?')).toBeNull();
    expect(askedClause('what did state say about militias going after protesters?')).toBeNull();
    expect(askedClause('when blinken talked to maas on may 24, what did he say about the pipeline?')).toBe('what did he say about the pipeline?');
    expect(askedClause('when will they meet, and where?')).toBeNull();
    // What follows a dash asks only when it is a question: here it names the source.
    expect(askedClause('cuba chicken imports in the first half of 2021 — ned price figure')).toBeNull();
    expect(askedClause('are they joining the artemis accords? (blinken - le drian)')).toBeNull();
    expect(askedClause('besides the tariffs, what else did the ministers agree on?')).toBe('what else did the ministers agree on?');
    expect(askedClause('apart from kenya, which countries joined the dialogue?')).toBe('which countries joined the dialogue?');
  });
});

describe('the answer sentence', () => {
  it('is not chosen for naming the country the release is about', () => {
    const texts = [
      'I congratulate the Malagasy people and the people of Madagascar on the anniversary of Madagascar’s independence.',
      'The United States values our relationship with Madagascar, which rests on our mutual commitment to democracy.',
    ];
    const release = releaseOf(texts, ['MG']);
    const question = parse('what holds the US relationship with antananarivo together?');
    // The demonym is rare in releases, so it weighs much.
    const weights = new Map([...question.terms, ...question.expansions].map((term) => [term, searchTerms('Malagasy').includes(term) ? 3 : 1]));
    expect(bestIndex(release, question, weights)).toBe(1);
    expect(bestIndex(release, { ...question, countryTerms: new Map() }, weights)).toBe(0);
  });

  it('says what the question asks the speaker did, among sentences that match about as well', () => {
    const texts = [
      'Secretary Blinken and Haitian Prime Minister Henry today reviewed the investigation into the assassination of President Moise.',
      'Secretary Blinken urged the government to advance the investigation.',
    ];
    const release = releaseOf(texts);
    const question = parse('what did blinken urge prime minister henry about the investigation?');
    // Names weigh little (the title has them), "urge" is a common word of releases.
    const weight = (term: string) => (searchTerms('prime minister henry').includes(term) ? 0.2 : searchTerms('urge').includes(term) ? 0.5 : 1);
    const weights = new Map(question.terms.map((term) => [term, weight(term)]));
    expect(bestIndex(release, question, weights)).toBe(1);
    expect(bestIndex(release, { ...question, verb: [] }, weights)).toBe(0);
  });

  it('is not the readout’s scene (who spoke with whom) when the question asks what was said', () => {
    const texts = [
      'Secretary Blinken spoke today with Kenyan Foreign Minister Omamo about maritime security and the elections.',
      'The Secretary underscored support for free and fair elections in Kenya and for maritime security.',
    ];
    const title = 'Secretary Blinken’s Call with Kenyan Foreign Minister Omamo';
    const release = { ...releaseOf(texts, ['KE']), title };
    const weights = new Map([...searchTerms('kenyan foreign minister omamo maritime security elections'), 'blinken'].map((term) => [term, 1]));
    const choose = (question: string) => bestIndex(release, parse(question), weights, new Set(searchTerms(title)));
    expect(choose('what did blinken and omamo say about the elections and maritime security?')).toBe(1);
    // "Who" is answered by the scene: it names the counterpart.
    expect(choose('who did blinken speak with about the elections and maritime security?')).toBe(0);
  });

  it('weighs the lead’s "met" like the title’s "Meeting": it picks the release, the asked words pick the sentence', () => {
    const texts = [
      'Secretary of State Antony J. Blinken met today with French President Emmanuel Macron in Paris.',
      'Secretary Blinken and President Macron exchanged views on supporting our African partners in the Sahel region.',
    ];
    const release = { ...releaseOf(texts, ['FR']), title: 'Secretary Blinken’s Meeting with French President Macron' };
    const question = parse('blinken macron paris meeting what did they discuss on africa');
    // "met" is rarer in releases than "meeting".
    const weights = new Map([...question.terms, ...question.expansions].map((term) => [term, term === 'met' ? 2 : 1]));
    expect(bestIndex(release, question, weights, titleTermsOf(release))).toBe(1);
    expect(bestIndex(release, question, weights, new Set(searchTerms(release.title)))).toBe(0);
  });

  it('names the thing a "which programs did …" question asks for', () => {
    const texts = [
      'I extend my best wishes to the people of the Solomon Islands as you celebrate your National Day on July 7th.',
      'The launch of the SCALE program and the approval of a threshold program are testaments to our friendship.',
    ];
    const release = { ...releaseOf(texts, ['SB']), title: 'Solomon Islands National Day' };
    const question = parse('which US programs did blinken point to in his message for solomon islands national day?');
    expect(question.topic).toEqual(searchTerms('programs'));
    const weights = new Map([...question.terms, ...question.expansions].map((term) => [term, searchTerms('solomon islands programs').includes(term) ? 2 : 1]));
    expect(bestIndex(release, question, weights, new Set(searchTerms(release.title)))).toBe(1);
    expect(bestIndex(release, { ...question, topic: [] }, weights, new Set(searchTerms(release.title)))).toBe(0);
    expect(parse('which country did blinken thank?').topic).toEqual([]);
  });

  it('answers "which country" with another country than the question’s own or the United States', () => {
    const texts = [
      'Secretary Blinken and Foreign Minister Motegi reaffirmed the U.S.-Japan Alliance as the cornerstone of peace.',
      'Secretary Blinken and Foreign Minister Motegi also discussed the protests in Cuba.',
    ];
    const release = releaseOf(texts);
    const question = parse('which country besides japan came up for blinken and motegi?');
    const weights = new Map(question.terms.map((term) => [term, 1]));
    expect(bestIndex(release, question, weights)).toBe(1);
  });

  it('knows an acronym the release defined: "the ECG" is the Executive Consultation Group', () => {
    const texts = [
      'The United States welcomed the first meeting of the Blue Dot Network Executive Consultation Group (ECG) hosted by the OECD.',
      'More than 180 representatives from the ECG gathered virtually for a strategic dialogue.',
    ];
    const release = releaseOf(texts);
    expect(definedAcronyms(release)).toEqual([{ term: searchTerms('ECG')[0], longTerms: searchTerms('Executive Consultation Group') }]);
    expect(sentenceTerms(release)[1]).toEqual(new Set([...searchTerms(texts[1]!), ...searchTerms('Executive Consultation Group')]));
    const question = parse('how many people took part in the executive consultation group meeting?');
    const weights = new Map(question.terms.map((term) => [term, 1]));
    expect(bestIndex(release, question, weights)).toBe(1);
    // Brackets that spell nothing before them define nothing.
    expect(definedAcronyms(releaseOf(['The talks (WHO attended) were long.', 'Section 7031(c) applies.']))).toEqual([]);
  });

  it('in a transcript, comes from the turn of the speaker asked about, never from a reporter’s question', () => {
    const paragraphs = [
      'QUESTION: Mr. Secretary, what did you tell the Chancellor about Germany and the pipeline?',
      'CHANCELLOR MERKEL: Germany and the pipeline are on our agenda, and Germany looks forward to the exchange.',
      'SECRETARY BLINKEN: Germany is one of our closest partners.',
      'We will work closely with Germany on the pipeline and on energy security across Europe.',
    ];
    const title = 'Secretary Blinken and Chancellor Merkel Before Their Meeting';
    const release = { ...releaseOf(paragraphs), title, paragraphs, sentences: paragraphs.map((text, paragraph) => ({ text, paragraph })) } as Release;
    const question = parse('what did blinken tell merkel about germany and the pipeline?');
    expect(question.speaker).toEqual(['blinken']);
    const weights = new Map(question.terms.map((term) => [term, 1]));
    const choose = (q: typeof question) => bestIndex(release, q, weights, new Set(searchTerms(title)));
    expect(choose(question)).toBe(3);
    // Asked about no one in particular, the minister's words match best; the reporter's still do not count.
    expect(choose({ ...question, speaker: [] })).toBe(1);
  });

  const texts = [
    'Secretary Blinken met this afternoon with the AFL-CIO Executive Council, including AFL-CIO President Richard Trumka.',
    'The Secretary also announced the intent to appoint a Special Representative for International Labor Affairs.',
  ];
  const release = releaseOf(texts);
  const question = parse('what post did blinken announce when he met the AFL-CIO executive council?');
  // The scene's names are rare, the asked words common: by weight alone the opening sentence wins.
  const asked = new Set(searchTerms('post blinken announce'));
  const weights = new Map(question.terms.map((term) => [term, asked.has(term) ? (term === 'blinken' ? 0.2 : 1) : 5]));
  const choose = (favourAsked: boolean) => bestSentence(release, sentenceTerms(release), new Set(), question, weights, undefined, { favourAsked }).index;

  it('is the one with the asked words when the asked clause is favoured', () => {
    expect(choose(false)).toBe(0);
    expect(choose(true)).toBe(1);
  });
});
