/** Renders a reply payload (content, embeds, buttons) as readable plain text for the terminal. */
import type { APIEmbed } from 'discord.js';
import type { ButtonRow, MessageView } from '../discord/limits.js';

function decoded(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/**
 * Discord markdown as the bot writes it, made plain: links as "text <url>", block quotes indented, no bold or
 * code marks, escapes undone.
 */
export function plainText(markdown: string): string {
  return markdown
    .replace(/(?<!\\)\[((?:\\.|[^\]\\])*)\]\((\S+?)\)/g, (_, label: string, url: string) => `${label} <${decoded(url)}>`)
    .replace(/^> /gm, '    ')
    .replace(/(?<!\\)\*\*/g, '')
    .replace(/(?<!\\)`/g, '')
    .replace(/\\([\\*_`~|>#\-[\]().:])/g, '$1')
    .replace(/\u200b/g, '');
}

function embedText(embed: APIEmbed): string {
  const lines: string[] = [];
  if (embed.author?.name) lines.push(plainText(embed.author.name));
  if (embed.title) lines.push(`== ${plainText(embed.title)} ==`);
  if (embed.url) lines.push(embed.url);
  if (embed.description) lines.push(plainText(embed.description));
  const inline: string[] = [];
  const flushInline = () => {
    if (inline.length) lines.push(inline.splice(0).join(' · '));
  };
  for (const field of embed.fields ?? []) {
    if (field.inline) {
      inline.push(`${plainText(field.name)}: ${plainText(field.value)}`);
      continue;
    }
    flushInline();
    lines.push(`-- ${plainText(field.name)}`, plainText(field.value));
  }
  flushInline();
  if (embed.footer?.text) lines.push(`(${plainText(embed.footer.text)})`);
  return lines.join('\n');
}

function buttonText(rows: ButtonRow[]): string | null {
  const hints = rows
    .flatMap((row) => row.components)
    .filter((button) => !button.disabled && 'label' in button && button.label)
    .map((button) => {
      const label = ('label' in button && button.label) || '';
      const typed = /next/i.test(label) ? 'next' : /prev/i.test(label) ? 'prev' : null;
      return typed ? `[${label}] type "${typed}"` : `[${label}]`;
    });
  return hints.length ? hints.join('   ') : null;
}

export function renderView(view: MessageView): string {
  const parts: string[] = [];
  if (view.content) parts.push(plainText(view.content));
  for (const embed of view.embeds ?? []) parts.push(embedText(embed));
  const buttons = buttonText(view.components ?? []);
  if (buttons) parts.push(buttons);
  return parts.join('\n\n');
}
