import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../src/store/db.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHILD = path.join(ROOT, 'test', 'delivery-kill-child.ts');

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Runs the child until it has acknowledged `minAcks` changes (after `ready`), then SIGKILLs it. */
function runAndKill(dataDir: string, seed: number, minAcks: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    // `node --import tsx` keeps it one process: the tsx CLI would run the script in a grandchild that SIGKILL misses.
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, String(seed)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acks: string[] = [];
    let buffered = '';
    let stderr = '';
    let killed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) if (line && line !== 'ready') acks.push(line);
      if (!killed && acks.length >= minAcks) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    // 'close', not 'exit': acknowledgements still in the pipe must be read before the database is checked.
    child.on('close', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child exited with ${code}: ${stderr.slice(0, 2000)}`));
      else resolve(acks);
    });
  });
}

describe('kill -9 during subscription changes', () => {
  it('keeps every acknowledged change and a consistent database', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'statebot-kill-'));
    dirs.push(dataDir);
    const expected = new Map<number, string>(); // id → guild, for acknowledged creations not yet removed
    const removed = new Set<number>();
    // Kill after a varying number of changes, so the kill lands at different points of the write path.
    const rounds = [37, 113, 61, 197, 89];
    for (const [round, minAcks] of rounds.entries()) {
      const acks = await runAndKill(dataDir, round * 7919 + 13, minAcks);
      expect(acks.length).toBeGreaterThanOrEqual(minAcks);
      for (const line of acks) {
        const [verb, idText, guild] = line.split(' ');
        const id = Number(idText);
        if (verb === 'created') expected.set(id, guild!);
        if (verb === 'removed') {
          expected.delete(id);
          removed.add(id);
        }
      }

      const db = openDb(dataDir);
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.pragma('foreign_key_check')).toEqual([]);
        const rows = db.prepare('SELECT id, guild_id, kind, time, timezone, countries, keywords, cursor_seq FROM subscriptions').all() as {
          id: number;
          guild_id: string;
          kind: string;
          time: string | null;
          timezone: string | null;
          countries: string;
          keywords: string;
        }[];
        const present = new Map(rows.map((row) => [row.id, row]));
        for (const id of removed) expect(present.has(id), `acknowledged removal of #${id}`).toBe(false);
        // The one change in flight at the kill may have committed without its acknowledgement: at most one
        // unacknowledged creation or removal. Everything acknowledged must be there.
        const unacknowledgedCreations = rows.filter((row) => !expected.has(row.id));
        const unacknowledgedRemovals = [...expected.keys()].filter((id) => !present.has(id));
        expect(unacknowledgedCreations.length + unacknowledgedRemovals.length).toBeLessThanOrEqual(1);
        for (const [id, guild] of expected) {
          if (!unacknowledgedRemovals.includes(id)) expect(present.get(id)?.guild_id, `acknowledged subscription #${id}`).toBe(guild);
        }
        for (const row of unacknowledgedCreations) expected.set(row.id, row.guild_id);
        for (const id of unacknowledgedRemovals) {
          expected.delete(id);
          removed.add(id);
        }
        for (const row of rows) {
          expect(Array.isArray(JSON.parse(row.countries))).toBe(true);
          expect(Array.isArray(JSON.parse(row.keywords))).toBe(true);
          if (row.kind === 'digest') expect(row.time).toMatch(/^\d\d:\d\d$/);
        }
      } finally {
        db.close();
      }
    }
    expect(expected.size + removed.size).toBeGreaterThan(100);
  }, 60_000);
});
