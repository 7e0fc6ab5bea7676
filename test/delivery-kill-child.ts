/**
 * Child process for test/subscriptions-kill.test.ts: performs subscription changes in a loop and prints an
 * acknowledgement line after each one has returned (i.e. committed). The test SIGKILLs it at a random moment.
 * Usage: tsx test/delivery-kill-child.ts <dataDir> <seed>
 */
import { writeSync } from 'node:fs';
import { isUserError } from '../src/errors.js';
import { SubscriptionService, type DeliveryEngine } from '../src/delivery/subscriptions.js';

const [dataDir, seedText] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: delivery-kill-child.ts <dataDir> <seed>');

// Subscription changes never touch the engine; delivery is not started in this process.
const noEngine: DeliveryEngine = {
  all: () => [],
  find: () => undefined,
  digestOf: (_releases, label) => ({ date: label, count: 0, groups: [] }),
  summarizeRelease: () => [],
  onNewRelease: () => () => {},
};
const service = SubscriptionService.open({ dataDir, engine: noEngine, poster: { post: async () => ({ ok: true }) } });

let seed = Number(seedText ?? 1) || 1;
function random(n: number): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
}
const zones = ['America/New_York', 'Europe/London', 'Asia/Tokyo', 'Australia/Sydney', 'UTC'];
const ack = (line: string) => writeSync(1, `${line}\n`);

ack('ready');
for (let op = 0; ; op++) {
  const guildId = `guild-${random(8)}`;
  const existing = service.list(guildId);
  try {
    if (existing.length >= 12 || (existing.length > 0 && random(3) === 0)) {
      const victim = existing[random(existing.length)]!;
      service.unsubscribe(guildId, victim.id);
      ack(`removed ${victim.id}`);
    } else if (random(2) === 0) {
      const time = `${String(random(24)).padStart(2, '0')}:${String(random(60)).padStart(2, '0')}`;
      const created = service.subscribeDigest({
        guildId,
        channelId: `channel-${random(5)}`,
        time,
        timezone: zones[random(zones.length)]!,
        keywords: op % 4 === 0 ? `word${op}` : null,
        countries: op % 5 === 0 ? 'KE, FR' : null,
      });
      ack(`created ${created.id} ${guildId} digest ${time}`);
    } else {
      const created = service.subscribeAlerts({ guildId, channelId: `channel-${random(5)}`, keywords: `alert${op}` });
      ack(`created ${created.id} ${guildId} alerts`);
    }
  } catch (error) {
    if (!isUserError(error)) throw error;
  }
}
