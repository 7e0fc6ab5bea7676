/** The views fit Discord by construction (fitMessage has nothing left to cut) and lose nothing silently. */
import type { APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { RawRelease } from '../src/corpus/release.js';
import { preprocess } from '../src/corpus/preprocess.js';
import { LIMITS, escapeText, fitMessage, type MessageView } from '../src/discord/limits.js';
import { RELEASE_PAGE_CHARS, askView, digestView, releasePages, releaseView } from '../src/discord/render.js';
import { Engine } from '../src/search/engine.js';

const LIVE_MENTION = /@(everyone|here)\b|<@[!&]?\d+>/;

function release(i: number, paragraphs: string[], date = '2031-05-01') {
  const raw: RawRelease = {
    title: `Statement number ${i} on a rather long subject that goes on for a while, as titles do ${'x'.repeat(i % 7)}`,
    date,
    office: 'Office of the Spokesperson',
    url: `https://www.state.gov/statement-number-${i}-on-a-rather-long-subject-that-goes-on-for-a-while-as-titles-do/`,
    paragraphs,
    format: 'json',
  };
  return preprocess(raw);
}

function expectFits(view: MessageView): void {
  const fitted = fitMessage(view);
  // Nothing was cut or dropped: the view was within every limit already.
  expect(fitted.embeds).toEqual(view.embeds ?? []);
  const total = fitted.embeds.reduce(
    (sum: number, e: APIEmbed) =>
      sum + (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0) +
      (e.fields ?? []).reduce((s, f) => s + f.name.length + f.value.length, 0),
    0,
  );
  expect(total).toBeLessThanOrEqual(LIMITS.embedsTotal);
}

describe('views', () => {
  it('a digest of a very busy day fits in one message and counts what it could not show', () => {
    const releases = Array.from({ length: 80 }, (_, i) =>
      release(i, [`The United States welcomes development number ${i}, which ${'matters a great deal to many partners '.repeat(6)}.`]),
    );
    const engine = Engine.fromReleases(releases);
    const digest = engine.digest('2031-05-01');
    const view = digestView(digest);
    expectFits(view);
    const fields = view.embeds![0]!.fields!;
    const shown = fields.filter((f) => !f.name.startsWith('…')).reduce((n, f) => n + f.value.split('\n').length, 0);
    const more = fields.at(-1)!;
    expect(more.name).toBe(`… and ${80 - shown} more`);
    expect(more.value).toContain('from:2031-05-01 to:2031-05-01');
    expect(shown).toBeGreaterThan(10);
  });

  it('a long release is split into pages that each fit, keeping every word in order', () => {
    const paragraphs = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} says **this** and @everyone ${'words '.repeat(120)}end ${i}.`);
    const long = release(1, paragraphs);
    const pages = releasePages(long);
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages) expect(page.length).toBeLessThanOrEqual(RELEASE_PAGE_CHARS);
    expect(pages.join('\n\n')).toBe(long.paragraphs.map(escapeText).join('\n\n'));
    pages.forEach((body, i) => {
      const view = releaseView(long, i === 0 ? ['First summary sentence.', 'Second one.'] : [], { page: i + 1, pageCount: pages.length, pager: [] }, body);
      expectFits(view);
      expect(view.embeds![0]!.description).not.toMatch(LIVE_MENTION);
    });
  });

  it('an answer to a 6,000-character question fits, quoting the question without pings', () => {
    const engine = Engine.fromReleases([release(2, ['The United States and Kenya held talks on cyber issues in Nairobi.'])]);
    const question = `@everyone <@&123> ${'what did the U.S. say about Kenya and cyber issues? '.repeat(120)}`.slice(0, 6000);
    const view = askView(engine.ask(question));
    expectFits(view);
    const author = view.embeds![0]!.author!.name;
    expect(author.length).toBeLessThanOrEqual(LIMITS.authorName);
    expect(author).not.toMatch(LIVE_MENTION);
  });
});
