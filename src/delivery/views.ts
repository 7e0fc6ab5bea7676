/** How subscriptions read in Discord: the /subscriptions list, confirmations, and autocomplete labels. */
import type { MessageView } from '../discord/limits.js';
import { escapeText, packLines, truncate, LIMITS } from '../discord/limits.js';
import { describeFilter } from './messages.js';
import type { Subscription } from './store.js';

const COLOR = 0x1c3f6e;

function timestamp(iso: string | Date, style: 'R' | 'f' = 'R'): string {
  const ms = typeof iso === 'string' ? Date.parse(iso) : iso.getTime();
  return `<t:${Math.floor(ms / 1000)}:${style}>`;
}

/** "daily digest at 08:00 America/New_York" or "alerts for new releases". */
export function whatItSends(subscription: Subscription): string {
  return subscription.kind === 'digest'
    ? `daily digest at ${subscription.time} ${subscription.timezone}`
    : 'alerts for new releases';
}

function filterText(subscription: Subscription): string {
  return describeFilter(subscription.filter) || 'all releases';
}

export interface SubscriptionFacts {
  nextRun: Date | null;
  lastDeliveredAt: string | null;
}

/** One subscription as a few lines: id, kind, channel, filter, state. */
export function subscriptionLines(subscription: Subscription, facts: SubscriptionFacts): string {
  const icon = subscription.kind === 'digest' ? '📰' : '🔔';
  const head = `\`#${subscription.id}\` ${icon} ${whatItSends(subscription)} → <#${subscription.channelId}>`;
  const details = [escapeText(filterText(subscription))];
  if (subscription.kind === 'digest' && subscription.announceEmpty) details.push('empty days: one short line');
  if (facts.lastDeliveredAt) details.push(`last sent ${timestamp(facts.lastDeliveredAt)}`);
  if (subscription.status === 'paused') {
    const since = subscription.pausedAt ? ` since ${timestamp(subscription.pausedAt)}` : '';
    const reason = escapeText(subscription.pausedReason ?? 'posting failed repeatedly');
    return [
      `${head}`,
      `⏸️ **Paused**${since}: ${reason}. Fix the channel, then \`/subscribe resume id:${subscription.id}\`.`,
      `-# ${details.join(' · ')}`,
    ].join('\n');
  }
  if (facts.nextRun) details.push(`next ${timestamp(facts.nextRun)}`);
  if (subscription.failureCount > 0 && subscription.lastError) {
    details.push(`⚠️ last post failed: ${escapeText(truncate(subscription.lastError, 120))}`);
  }
  return `${head}\n-# ${details.join(' · ')}`;
}

export function subscriptionListView(entries: { subscription: Subscription; facts: SubscriptionFacts }[]): MessageView {
  if (entries.length === 0) {
    return {
      content: 'This server has no subscriptions. Create one with `/subscribe digest` or `/subscribe alerts`.',
    };
  }
  const paused = entries.filter((e) => e.subscription.status === 'paused').length;
  const blocks = entries.map((e) => subscriptionLines(e.subscription, e.facts));
  return {
    embeds: [
      {
        color: COLOR,
        title: `Subscriptions in this server (${entries.length}${paused ? `, ${paused} paused` : ''})`,
        description: packLines(blocks, LIMITS.embedDescription, (n) => `… and ${n} more`, '\n\n'),
        footer: { text: 'Remove one with /unsubscribe id:<id>.' },
      },
    ],
  };
}

export function createdView(subscription: Subscription, nextRun: Date | null): MessageView {
  const when =
    subscription.kind === 'digest' && nextRun
      ? ` The first one comes ${timestamp(nextRun, 'f')} and covers releases from now on.`
      : ' Each release imported from now on that matches gets its own message.';
  return {
    content:
      `✅ Subscription \`#${subscription.id}\`: ${whatItSends(subscription)} in <#${subscription.channelId}> ` +
      `(${escapeText(filterText(subscription))}).${when}`,
  };
}

export function removedView(subscription: Subscription): MessageView {
  return {
    content: `🗑️ Removed subscription \`#${subscription.id}\` (${whatItSends(subscription)} in <#${subscription.channelId}>).`,
  };
}

export function resumedView(subscription: Subscription): MessageView {
  return {
    content:
      `▶️ Resumed subscription \`#${subscription.id}\` (${whatItSends(subscription)} in <#${subscription.channelId}>). ` +
      'What it missed while paused will be sent.',
  };
}

/** An autocomplete label: "#12 daily digest at 08:00 America/New_York in #general (Kenya)". */
export function choiceLabel(subscription: Subscription, channelName: string | undefined): string {
  const channel = channelName ? `#${channelName}` : `channel ${subscription.channelId}`;
  const filter = describeFilter(subscription.filter);
  const paused = subscription.status === 'paused' ? ' [paused]' : '';
  return truncate(`#${subscription.id} ${whatItSends(subscription)} in ${channel}${filter ? ` (${filter})` : ''}${paused}`, LIMITS.choiceName);
}
