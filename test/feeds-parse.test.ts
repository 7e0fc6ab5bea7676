import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitParagraphs } from '../src/corpus/text.js';
import { UserError } from '../src/errors.js';
import { loadFeedConfig, parseFeedList, parsePollMinutes } from '../src/feeds/config.js';
import { stateDateOfDisplay, stateDateOfTimestamp } from '../src/feeds/dates.js';
import { FeedError } from '../src/feeds/feed-error.js';
import { dropLeadingByline, htmlToParagraphs } from '../src/feeds/html.js';
import { parseReleasePage } from '../src/feeds/page.js';
import { parseFeed } from '../src/feeds/rss.js';

const fixtures = path.join(import.meta.dirname, 'fixtures/feeds');
const fixture = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');
const sharedFeeds = path.join(import.meta.dirname, '../../shared/feeds');
const sharedCorpus = path.join(import.meta.dirname, '../../shared/corpus/statedept-2021.jsonl');

/** No markup, entities, odd spaces, widget captions or script text left in a paragraph. */
function expectClean(paragraphs: string[]): void {
  expect(paragraphs.length).toBeGreaterThan(0);
  for (const p of paragraphs) {
    expect(p.trim()).toBe(p);
    expect(p).not.toBe('');
    expect(p).not.toMatch(/[<>]|&[#a-z0-9]+;|[\u00a0\u202f]| {2}/i);
    expect(p).not.toMatch(/^(share|tags|twitter|facebook)$/i);
    expect(p).not.toMatch(/dataLayer|function\s*\(|\{\s*display/);
  }
}

describe('htmlToParagraphs', () => {
  it('keeps the text of paragraphs, lists, headings and quotes and drops scripts, images and share widgets', () => {
    const paragraphs = htmlToParagraphs(`
      <p>Office of the Spokesperson</p>
      <script>var tracker = function () { return 'share'; };</script><style>p { color: red }</style>
      <h2>Key&nbsp;Points</h2>
      <p>First&#8239;point with <strong>bold</strong> and <a href="/x">a link</a> &amp; an entity &#8217;here&#8217;.</p>
      <figure><img src="x.jpg" alt="a photo"><figcaption>Caption</figcaption></figure>
      <ul><li>alpha</li><li>beta <em>gamma</em></li></ul>
      <blockquote><p>A quoted line.</p></blockquote>
      <div class="social-share"><a>Share</a><a>Twitter</a></div>
      <p>Schedule line one<br/>line two</p>
      <p>&nbsp;</p><p><input type="hidden" value="1"></p>
      <noscript>Please enable JavaScript</noscript><iframe src="https://example.org"></iframe>
      <p>Share</p>`);
    expect(paragraphs).toEqual([
      'Office of the Spokesperson',
      'Key Points',
      'First point with bold and a link & an entity ’here’.',
      '- alpha',
      '- beta gamma',
      'A quoted line.',
      'Schedule line one line two',
    ]);
  });

  it('keeps loose text outside any block element', () => {
    expect(htmlToParagraphs('Plain text <b>without</b> tags<div>and a block</div>tail')).toEqual([
      'Plain text without tags',
      'and a block',
      'tail',
    ]);
  });

  it('drops a leading byline only when it is the byline', () => {
    expect(dropLeadingByline(['Office of the Spokesperson', 'Text.'], 'Office of the  spokesperson')).toEqual(['Text.']);
    expect(dropLeadingByline(['Brussels, Belgium', 'Text.'], 'Office of the Spokesperson')).toEqual(['Brussels, Belgium', 'Text.']);
    expect(dropLeadingByline(['Office of the Spokesperson'], null)).toEqual(['Office of the Spokesperson']);
  });
});

describe('dates', () => {
  it('converts a feed timestamp to the State Department date in New York', () => {
    expect(stateDateOfTimestamp('Fri, 03 Dec 2021 02:30:00 +0000')).toBe('2021-12-02');
    expect(stateDateOfTimestamp('Fri, 03 Dec 2021 05:30:00 +0000')).toBe('2021-12-03');
    expect(stateDateOfTimestamp('Sat, 14 Aug 2021 00:13:59 GMT')).toBe('2021-08-13');
    expect(stateDateOfTimestamp('2021-08-14T00:13:59Z')).toBe('2021-08-13');
    expect(stateDateOfTimestamp('2021-08-14')).toBe('2021-08-14');
    expect(stateDateOfTimestamp('yesterday-ish')).toBeNull();
  });

  it('reads a date as a page displays it', () => {
    expect(stateDateOfDisplay('December 3, 2021')).toBe('2021-12-03');
    expect(stateDateOfDisplay(' Jun 13,  2021 ')).toBe('2021-06-13');
    expect(stateDateOfDisplay('Updated recently')).toBeNull();
  });
});

describe('parseFeed (fixtures)', () => {
  it('turns items into clean releases with New York dates, bylines, kinds and guid keys', () => {
    const { title, releases, errors } = parseFeed(fixture('feed-v1.rss'), 'fixture');
    expect(errors).toEqual([]);
    expect(title).toBe('Press Releases – Test Fixture');
    expect(releases).toHaveLength(2);
    const [call, delegation] = releases;
    expect(call).toMatchObject({
      title: 'Secretary Blinken’s Call with Chilean Foreign Minister on the Valparaiso Lighthouse Restoration',
      date: '2021-12-02', // pubDate is 02:30 UTC on 3 December: still 2 December in Washington
      office: 'Office of the Spokesperson',
      url: 'https://www.state.gov/fixture-call-with-chilean-foreign-minister/',
      kind: 'Readout',
      format: 'rss',
      key: 'https://www.state.gov/?page_id=900001',
    });
    expect(call!.paragraphs).toEqual([
      'The following is attributable to Spokesperson Ned Price:',
      'Secretary of State Antony J. Blinken spoke today with Chilean Foreign Minister Andrea Rivas about the restoration of the historic lighthouse at Valparaiso, which U.S. and Chilean engineers will complete together by 2023.',
      'The Secretary and the Foreign Minister also discussed cooperation on coastal resilience & maritime safety:',
      '- joint training for harbor pilots;',
      '- shared tide gauge data.',
    ]);
    expectClean(call!.paragraphs);
    // "U.S. Department of State" names the institution, not a speaker: stored as no byline, and not as text.
    expect(delegation).toMatchObject({ office: null, kind: null, date: '2021-12-02' });
    expect(delegation!.paragraphs[0]).toMatch(/^A U\.S\. delegation led by/);
  });

  it('reports an item without a date with the feed name and keeps the others', () => {
    const { releases, errors } = parseFeed(fixture('feed-missing-date.rss'), 'press-releases');
    expect(errors).toEqual(['press-releases: item 1 "Undated Notice on Consular Hours": no pubDate']);
    expect(releases.map((r) => r.title)).toEqual(['Humanitarian Assistance for Flood Victims in the Zambezi Valley']);
  });

  it('reports items with no title or an unreadable date', () => {
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
      <item><pubDate>Fri, 03 Dec 2021 12:00:00 +0000</pubDate><description>Text.</description></item>
      <item><title>Bad date</title><pubDate>sometime soon</pubDate><description>Text.</description></item>
      <item><title>Empty</title><pubDate>Fri, 03 Dec 2021 12:00:00 +0000</pubDate><description>&lt;p&gt;&amp;nbsp;&lt;/p&gt;</description></item>
      <item><title>Escaped &amp; fine</title><pubDate>Fri, 03 Dec 2021 12:00:00 +0000</pubDate><link>https://example.org/a?b=1&amp;c=2</link>
        <description>&lt;p&gt;Escaped &lt;b&gt;HTML&lt;/b&gt; body&amp;#8217;s text.&lt;/p&gt;</description></item>
      </channel></rss>`;
    const { releases, errors } = parseFeed(xml, 'f');
    expect(errors).toEqual(['f: item 1: no title', 'f: item 2 "Bad date": unreadable pubDate "sometime soon"', 'f: item 3 "Empty": no text']);
    expect(releases).toHaveLength(1);
    expect(releases[0]).toMatchObject({
      title: 'Escaped & fine',
      url: 'https://example.org/a?b=1&c=2',
      key: 'https://example.org/a?b=1&c=2',
      paragraphs: ['Escaped HTML body’s text.'],
    });
  });

  it('throws a FeedError for malformed XML, an HTML page and a document that is not RSS', () => {
    expect(() => parseFeed(fixture('malformed.rss'), 'f')).toThrow(FeedError);
    expect(() => parseFeed(fixture('malformed.rss'), 'f')).toThrow(/malformed XML \(line 8/);
    expect(() => parseFeed(fixture('technical-difficulties.html'), 'f')).toThrow(/HTML page \("Technical Difficulties"\)/);
    expect(() => parseFeed('<?xml version="1.0"?><catalog><book/></catalog>', 'f')).toThrow(/not an RSS feed \(root element <catalog>\)/);
    expect(() => parseFeed('', 'f')).toThrow(FeedError);
  });
});

describe.skipIf(!existsSync(sharedFeeds))('parseFeed on the real state.gov snapshots in ../shared/feeds', () => {
  if (!existsSync(sharedFeeds)) console.warn(`skipping real-feed tests: ${sharedFeeds} is absent`);
  const files = existsSync(sharedFeeds) ? readdirSync(sharedFeeds).filter((f) => f.endsWith('.rss')) : [];

  it.each(files)('%s parses into clean, complete releases', (file) => {
    const { releases, errors } = parseFeed(readFileSync(path.join(sharedFeeds, file), 'utf8'), file);
    expect(errors).toEqual([]);
    expect(releases).toHaveLength(10);
    for (const release of releases) {
      expect(release.title).not.toMatch(/&#?\w+;|<|\s{2}/);
      expect(release.date).toMatch(/^2021-\d{2}-\d{2}$/);
      expect(release.url).toMatch(/^https:\/\/www\.state\.gov\//);
      expect(release.key).toMatch(/^https:\/\/www\.state\.gov\/\?(page_id|post_type=\w+&p)=\d+$/);
      expectClean(release.paragraphs);
      if (release.office) expect(release.paragraphs[0]).not.toBe(release.office);
    }
    // Only the generic "U.S. Department of State" byline becomes null.
    for (const release of releases.filter((r) => r.office === null)) expect(release.title).toMatch(/^Department Press Briefing/);
  });

  it('dates an item published after midnight UTC on the previous New York day', () => {
    const all = files.flatMap((f) => parseFeed(readFileSync(path.join(sharedFeeds, f), 'utf8'), f).releases);
    // pubDate Thu, 01 Jul 2021 00:21:03 +0000 is 8:21 p.m. on 30 June in Washington.
    expect(all.find((r) => r.title === 'Public Schedule – July 1, 2021')?.date).toBe('2021-06-30');
    // pubDate Sat, 14 Aug 2021 00:00:47 +0000.
    expect(all.find((r) => r.title === 'Pakistan Independence Day')?.date).toBe('2021-08-13');
  });

  it.skipIf(!existsSync(sharedCorpus))('gives the same title, date, byline and paragraphs as the corpus built from these feeds', () => {
    const corpus = new Map(
      readFileSync(sharedCorpus, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { url: string; title: string; date: string; office: string | null; body: string })
        .map((r) => [r.url, r]),
    );
    const all = files.flatMap((f) => parseFeed(readFileSync(path.join(sharedFeeds, f), 'utf8'), f).releases);
    expect(all.length).toBe(30);
    for (const release of all) {
      const expected = corpus.get(release.url!);
      expect(expected, release.title).toBeDefined();
      expect({ title: release.title, date: release.date, office: release.office, paragraphs: release.paragraphs }).toEqual({
        title: expected!.title,
        date: expected!.date,
        office: expected!.office,
        paragraphs: splitParagraphs(expected!.body),
      });
    }
  });
});

describe('parseReleasePage', () => {
  it('reads title, kind, byline, State Department date and a clean body from a state.gov page', () => {
    const release = parseReleasePage(fixture('release-page.html'));
    expect(release).toMatchObject({
      title: 'Launch of the Coral Reef Monitoring Partnership with Palau',
      date: '2021-12-03', // as displayed; the JSON-LD's 02:10 UTC on 4 December is the same New York day
      office: 'Office of the Spokesperson',
      kind: 'Media Note',
      url: 'https://www.state.gov/fixture-coral-reef-monitoring-partnership-palau/',
      key: 'https://www.state.gov/fixture-coral-reef-monitoring-partnership-palau/',
      format: 'html',
    });
    expect(release.paragraphs).toEqual([
      'The United States and the Republic of Palau today launched a coral reef monitoring partnership that will train Palauan rangers to survey reef health with underwater drones and share the data with regional scientists.',
      'The partnership, funded with $4.5 million from the Department of State, supports three priorities:',
      '- early warning of coral bleaching events;',
      '- protection of fisheries that coastal communities depend on; and',
      '- exchanges between Palauan and U.S. marine scientists.',
      '“Healthy reefs are the foundation of Palau’s economy and its culture,” said the U.S. Ambassador to Palau.',
      'For media inquiries, please contact OES-Press@state.gov.',
    ]);
    expectClean(release.paragraphs);
  });

  it('prefers the URL it was fetched from, and falls back on JSON-LD and meta tags', () => {
    const html = `<html><head><title>Ignored - United States Department of State</title>
      <meta property="og:title" content="Readout of a Fixture Meeting - United States Department of State">
      <script type="application/ld+json">{"@graph":[{"@type":"WebPage","datePublished":"2021-12-04T02:10:05+00:00"}]}</script>
      </head><body><main><article><div class="entry-content"><p>Body text of the fixture meeting.</p></div></article></main></body></html>`;
    expect(parseReleasePage(html, 'https://www.state.gov/fixture-meeting/')).toMatchObject({
      title: 'Readout of a Fixture Meeting',
      date: '2021-12-03',
      office: null,
      kind: null,
      url: 'https://www.state.gov/fixture-meeting/',
      paragraphs: ['Body text of the fixture meeting.'],
    });
  });

  it('puts the venue of remarks first, as the feed does', () => {
    const html = `<html><body><main><article>
      <p class="article-meta doctype-meta">Remarks</p><h1 class="featured-content__headline">Secretary at a Fixture Forum</h1>
      <div class="article-meta"><p class="article-meta__author-bureau">Antony J. Blinken, Secretary of State</p>
      <p class="article-meta__audience">Fixture Media Hub</p><p class="article-meta__location">Geneva, Switzerland</p>
      <p class="article-meta__publish-date">June 16, 2021</p></div>
      <div class="entry-content"><p>SECRETARY BLINKEN: Good afternoon.</p></div></article></main></body></html>`;
    expect(parseReleasePage(html)).toMatchObject({
      kind: 'Remarks',
      date: '2021-06-16',
      office: 'Antony J. Blinken, Secretary of State',
      paragraphs: ['Fixture Media Hub', 'Geneva, Switzerland', 'SECRETARY BLINKEN: Good afternoon.'],
    });
  });

  it('rejects an error page that is not a release', () => {
    expect(() => parseReleasePage(fixture('technical-difficulties.html'))).toThrow(FeedError);
    expect(() => parseReleasePage(fixture('technical-difficulties.html'))).toThrow(/no publication date on the page "Technical Difficulties"/);
  });
});

describe('feed configuration', () => {
  it('defaults to the state.gov press releases every 15 minutes', () => {
    expect(loadFeedConfig({})).toEqual({
      feeds: [{ name: 'press-releases', url: 'https://www.state.gov/rss-feed/press-releases/feed/' }],
      intervalMinutes: 15,
    });
  });

  it('reads named and unnamed feeds separated by commas or spaces, and fractional minutes', () => {
    expect(
      loadFeedConfig({
        FEEDS: 'https://www.state.gov/rss-feed/press-releases/feed/, local=http://127.0.0.1:8080/feed.xml  https://www.state.gov/rss-feed/remarks/feed/',
        FEED_POLL_MINUTES: '0.05',
      }),
    ).toEqual({
      feeds: [
        { name: 'press-releases', url: 'https://www.state.gov/rss-feed/press-releases/feed/' },
        { name: 'local', url: 'http://127.0.0.1:8080/feed.xml' },
        { name: 'remarks', url: 'https://www.state.gov/rss-feed/remarks/feed/' },
      ],
      intervalMinutes: 0.05,
    });
    expect(parseFeedList('')).toEqual([]);
    expect(parseFeedList('none')).toEqual([]);
  });

  it('rejects bad values with the variable name', () => {
    expect(() => parseFeedList('ftp://example.org/feed')).toThrow(UserError);
    expect(() => parseFeedList('not a url')).toThrow(/FEEDS: "not" is not a URL/);
    expect(() => parseFeedList('a=http://x.test/1 a=http://x.test/2')).toThrow(/two feeds are named "a"/);
    for (const bad of ['0', '-1', 'abc', 'Infinity', '1e9']) expect(() => parsePollMinutes(bad)).toThrow(/FEED_POLL_MINUTES/);
    expect(parsePollMinutes(' 2.5 ')).toBe(2.5);
  });
});
