import { describe, expect, it } from 'vitest';
import type { APIEmbed } from 'discord.js';
import { ButtonStyle, ComponentType } from 'discord.js';
import {
  ELLIPSIS,
  LIMITS,
  NO_PINGS,
  channelMessage,
  escapeText,
  fitChoices,
  fitEmbed,
  fitMessage,
  link,
  neutralizeMentions,
  packLines,
  truncate,
} from '../src/discord/limits.js';
import { decodeState, encodeState, fitState, pageId, pagerRow, parsePageId, stateBudget } from '../src/discord/buttons.js';

/** Discord's own definition of an embed's size: the characters of these fields, summed. */
function discordEmbedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

const words = (count: number) => Array.from({ length: count }, (_, i) => `word${i}`).join(' ');
/** A live mention, as Discord would parse it. */
const LIVE_MENTION = /@(everyone|here)\b|<@[!&]?\d+>/;

describe('truncate', () => {
  it('leaves text within the limit unchanged', () => {
    expect(truncate('short text', 10)).toBe('short text');
  });

  it('cuts at a word boundary and ends with an ellipsis, within the limit', () => {
    const text = 'The United States and Kenya held the first cyber dialogue';
    const cut = truncate(text, 30);
    expect(cut.length).toBeLessThanOrEqual(30);
    expect(cut.endsWith(ELLIPSIS)).toBe(true);
    const kept = cut.slice(0, -1);
    expect(text.startsWith(kept)).toBe(true);
    expect(text.charAt(kept.length)).toBe(' ');
  });

  it('cuts inside a word only when no boundary is near', () => {
    const cut = truncate('x'.repeat(50), 20);
    expect(cut).toBe(`${'x'.repeat(19)}${ELLIPSIS}`);
  });

  it('never leaves a backslash that would escape the ellipsis, nor half a surrogate pair', () => {
    expect(truncate('abc\\\\*def ghi', 6)).not.toMatch(/\\…$/);
    const emoji = truncate('😀'.repeat(10), 6);
    expect(emoji.length).toBeLessThanOrEqual(6);
    expect(emoji.slice(0, -1)).toBe('😀'.repeat(2));
  });

  it('handles the smallest limits', () => {
    expect(truncate('abc', 0)).toBe('');
    expect(truncate('abc', 1)).toBe(ELLIPSIS);
  });
});

describe('mentions and markdown', () => {
  it('makes every kind of mention inert', () => {
    for (const mention of ['@everyone', '@here', '<@123456789012345678>', '<@!123>', '<@&987>']) {
      const safe = neutralizeMentions(`hello ${mention} there`);
      expect(safe).not.toMatch(LIVE_MENTION);
      expect(safe.replace(/\u200b/g, '')).toBe(`hello ${mention} there`);
    }
  });

  it('escapes markdown that would change the layout, and keeps lists', () => {
    expect(escapeText('**bold** and __under__ and `code` and ||spoiler||')).toBe(
      '\\*\\*bold\\*\\* and \\_\\_under\\_\\_ and \\`code\\` and \\|\\|spoiler\\|\\|',
    );
    expect(escapeText('# Heading')).toBe('\\# Heading');
    expect(escapeText('> quoted')).toBe('\\> quoted');
    expect(escapeText('-# subtext')).toBe('\\-# subtext');
    expect(escapeText('[click](https://evil.example)')).toMatch(/^\\\[/);
    expect(escapeText('- a list item')).toBe('- a list item');
    expect(escapeText('ping @everyone')).not.toMatch(LIVE_MENTION);
  });

  it('links with escaped text, only for http(s) URLs', () => {
    expect(link('A [b] *c*', 'https://www.state.gov/x_(y)/')).toBe('[A \\[b\\] \\*c\\*](https://www.state.gov/x_%28y%29/)');
    expect(link('Title', null)).toBe('Title');
    expect(link('Title', 'javascript:alert(1)')).toBe('Title');
  });
});

describe('fitEmbed', () => {
  it('enforces every per-embed limit', () => {
    const embed = fitEmbed({
      title: words(100),
      description: words(1000),
      author: { name: words(100) },
      footer: { text: words(500) },
      fields: Array.from({ length: 30 }, (_, i) => ({ name: `${i} ${words(60)}`, value: words(300) })),
    });
    expect(embed.title!.length).toBeLessThanOrEqual(LIMITS.embedTitle);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect(embed.author?.name.length ?? 0).toBeLessThanOrEqual(LIMITS.authorName);
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.footerText);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedFields);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    }
    expect(discordEmbedLength(embed)).toBeLessThanOrEqual(LIMITS.embedsTotal);
  });

  it('shortens the description before dropping fields to meet the 6,000 total', () => {
    const fields = Array.from({ length: 4 }, (_, i) => ({ name: `Field ${i}`, value: 'v'.repeat(1000) }));
    const embed = fitEmbed({ title: 'T', description: words(900), fields });
    expect(discordEmbedLength(embed)).toBeLessThanOrEqual(LIMITS.embedsTotal);
    expect(embed.fields).toHaveLength(4);
    expect(embed.description!.endsWith(ELLIPSIS)).toBe(true);
  });

  it('replaces empty field names and values, which Discord rejects', () => {
    const embed = fitEmbed({ fields: [{ name: '', value: '' }] });
    expect(embed.fields![0]!.name.length).toBeGreaterThan(0);
    expect(embed.fields![0]!.value.length).toBeGreaterThan(0);
  });
});

describe('fitMessage', () => {
  it('fits content, the number of embeds and their shared 6,000 budget, and pings nobody', () => {
    const embeds = Array.from({ length: 12 }, (_, i) => ({ title: `Embed ${i}`, description: words(400) }));
    const message = fitMessage({ content: words(600), embeds });
    expect(message.content!.length).toBeLessThanOrEqual(LIMITS.content);
    expect(message.embeds.length).toBeLessThanOrEqual(LIMITS.embedsPerMessage);
    expect(message.embeds.reduce((sum, embed) => sum + discordEmbedLength(embed), 0)).toBeLessThanOrEqual(LIMITS.embedsTotal);
    expect(message.allowedMentions).toEqual({ parse: [], repliedUser: false });
  });

  it('never sends an empty message', () => {
    expect(fitMessage({}).content).toBeTruthy();
  });

  it('keeps buttons within Discord limits', () => {
    const button = (id: string, label: string) => ({ type: ComponentType.Button as const, style: ButtonStyle.Secondary as const, custom_id: id, label });
    const message = fitMessage({
      content: 'x',
      components: [
        { type: ComponentType.ActionRow, components: [button('ok', 'L'.repeat(120)), button('x'.repeat(101), 'too long id')] },
        ...Array.from({ length: 6 }, (_, i) => ({ type: ComponentType.ActionRow as const, components: [button(`b${i}`, 'B')] })),
      ],
    });
    expect(message.components.length).toBeLessThanOrEqual(LIMITS.actionRows);
    const first = message.components[0]!.components;
    expect(first).toHaveLength(1);
    expect('label' in first[0]! && first[0].label!.length).toBeLessThanOrEqual(LIMITS.buttonLabel);
  });

  it('channel messages get the same treatment', () => {
    const message = channelMessage({ content: `@everyone ${words(500)}` });
    expect(message.allowedMentions).toBe(NO_PINGS);
    expect(message.content!.length).toBeLessThanOrEqual(LIMITS.content);
  });
});

describe('packLines and choices', () => {
  it('keeps whole lines and says how many were left out', () => {
    const lines = Array.from({ length: 50 }, (_, i) => `line number ${i} ${'x'.repeat(30)}`);
    const packed = packLines(lines, 500);
    expect(packed.length).toBeLessThanOrEqual(500);
    const kept = packed.split('\n');
    const note = kept.pop()!;
    expect(kept.every((line, i) => line === lines[i])).toBe(true);
    expect(note).toContain(`${50 - kept.length} more`);
  });

  it('fits autocomplete choices', () => {
    const choices = fitChoices(
      Array.from({ length: 40 }, (_, i) => ({ name: `${i} ${words(40)}`, value: i === 0 ? 'v'.repeat(101) : `value-${i}` })),
    );
    expect(choices).toHaveLength(LIMITS.choices);
    expect(choices.every((choice) => choice.name.length <= LIMITS.choiceName && choice.value.length <= LIMITS.choiceValue)).toBe(true);
    expect(choices[0]!.value).toBe('value-1');
  });
});

describe('button state', () => {
  it('round-trips state through a custom id within 100 characters', () => {
    const state = encodeState(['kenya cyber', 'Kenya', '20210601', '', '', '']);
    const id = pageId('search', 9999, state);
    expect(id.length).toBeLessThanOrEqual(LIMITS.customId);
    const parsed = parsePageId(id)!;
    expect(parsed).toEqual({ command: 'search', page: 9999, state });
    expect(decodeState(parsed.state, 6)).toEqual(['kenya cyber', 'Kenya', '20210601', '', '', '']);
  });

  it('shortens the chosen field at a word boundary until the state fits', () => {
    const fitted = fitState([words(2000), 'Kenya', '20210601', '20210630'], stateBudget('search'), [0]);
    const state = encodeState(fitted);
    expect(state.length).toBeLessThanOrEqual(stateBudget('search'));
    expect(words(2000).startsWith(fitted[0]!)).toBe(true);
    expect(words(2000).charAt(fitted[0]!.length)).toBe(' ');
    expect(fitted.slice(1)).toEqual(['Kenya', '20210601', '20210630']);
  });

  it('makes Previous/Next with distinct ids, disabled at the ends, and none for one page', () => {
    expect(pagerRow('search', 1, 1, 's')).toEqual([]);
    const [row] = pagerRow('search', 1, 3, 's');
    const [previous, next] = row!.components;
    expect(previous).toMatchObject({ disabled: true, custom_id: 'search:p:1:s' });
    expect(next).toMatchObject({ disabled: false, custom_id: 'search:p:2:s' });
    const [last] = pagerRow('search', 3, 3, 's');
    expect(last!.components.map((b) => ('custom_id' in b ? b.custom_id : ''))).toEqual(['search:p:2:s', 'search:p:3:s']);
    expect(parsePageId('search:p:0:s')).toBeNull();
    expect(parsePageId('garbage')).toBeNull();
  });
});
