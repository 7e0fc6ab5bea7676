import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConsoleLine } from '../src/cli/console-input.js';
import { renderView } from '../src/cli/console-render.js';
import { commandMap, loadCommands } from '../src/discord/commands.js';
import { UserError } from '../src/errors.js';
import { FIXTURE_DAY, KENYA_TALKS, ZANZIBAR_ANSWER, ZANZIBAR_TITLE, fixtureDataDir } from './discord-fixtures.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Runs `npm start`'s entry point without a token, feeding `lines` on a pipe; resolves at exit. */
function runConsole(dataDir: string, lines: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, DISCORD_TOKEN: '', DATA_DIR: dataDir, FEEDS: 'none' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(lines.map((line) => `${line}\n`).join(''));
  });
}

/** The answer printed for the input line `line` (up to the next echoed line). */
function answerTo(stdout: string, line: string): string {
  const start = stdout.indexOf(`> ${line}\n`);
  expect(start, `no answer to "${line}" in:\n${stdout}`).toBeGreaterThanOrEqual(0);
  const rest = stdout.slice(start + line.length + 3);
  const next = rest.search(/^> \S/m);
  return next === -1 ? rest : rest.slice(0, next);
}

describe('console input', async () => {
  const commands = commandMap(await loadCommands());

  it('maps the free text to the first string option and name:value pairs to the others', () => {
    const input = parseConsoleLine('search kenya cyber country:Kenya from:2021-06-01 kind:readout', commands);
    expect(input.type).toBe('command');
    if (input.type !== 'command') return;
    expect(input.command.data.name).toBe('search');
    expect(Object.fromEntries(input.options)).toEqual({ query: 'kenya cyber', country: 'Kenya', from: '2021-06-01', kind: 'Readout' });
  });

  it('takes a bare question as ask, and a leading slash as optional', () => {
    const bare = parseConsoleLine('what did the U.S. say about Kenya?', commands);
    expect(bare.type === 'command' && bare.command.data.name).toBe('ask');
    expect(bare.type === 'command' && bare.options.get('question')).toBe('what did the U.S. say about Kenya?');
    const slashed = parseConsoleLine('/digest 2021-12-03', commands);
    expect(slashed.type === 'command' && [slashed.command.data.name, slashed.options.get('date')]).toEqual(['digest', '2021-12-03']);
  });

  it('checks options as Discord would: integers, ranges, required options, unknown commands', () => {
    const sentences = parseConsoleLine('summarize some-id sentences:4 hide:yes', commands);
    expect(sentences.type === 'command' && Object.fromEntries(sentences.options)).toEqual({ id: 'some-id', sentences: 4, hide: true });
    expect(() => parseConsoleLine('summarize some-id sentences:eleven', commands)).toThrow(UserError);
    expect(() => parseConsoleLine('summarize some-id sentences:11', commands)).toThrow(/1 to 10/);
    expect(() => parseConsoleLine('release', commands)).toThrow(/needs id/);
    expect(() => parseConsoleLine('/frobnicate now', commands)).toThrow(/Unknown command/);
    expect(() => parseConsoleLine('serach', commands)).toThrow(/Did you mean search/);
  });

  it('renders embeds, links and buttons as plain text', () => {
    const text = renderView({
      content: 'Note',
      embeds: [
        {
          title: 'A \\*starred\\* title',
          description: '**Bold** and [a link](https://www.state.gov/a%28b%29/)',
          fields: [
            { name: 'Date', value: 'Dec 3, 2021', inline: true },
            { name: 'Kind', value: 'Readout', inline: true },
          ],
          footer: { text: 'Page 1 of 2' },
        },
      ],
      components: [
        {
          type: 1,
          components: [
            { type: 2, style: 2, custom_id: 'a', label: '◀ Previous', disabled: true },
            { type: 2, style: 2, custom_id: 'b', label: 'Next ▶' },
          ],
        },
      ],
    });
    expect(text).toBe(
      'Note\n\n== A *starred* title ==\nBold and a link <https://www.state.gov/a(b)/>\nDate: Dec 3, 2021 · Kind: Readout\n(Page 1 of 2)\n\n[Next ▶] type "next"',
    );
  });
});

describe('npm start without a token (piped console)', () => {
  let fixture: Awaited<ReturnType<typeof fixtureDataDir>>;
  let run: Awaited<ReturnType<typeof runConsole>>;
  const lines = [
    'ask who signed the fisheries accord in Zanzibar?',
    'what did the United States sign in Zanzibar?',
    'digest',
    '/frobnicate',
    'search Kenya talks',
    'next',
    'release no-such-release',
    'ask',
  ];

  beforeAll(async () => {
    fixture = await fixtureDataDir();
    run = await runConsole(fixture.dataDir, lines);
  }, 60_000);
  afterAll(() => fixture?.cleanup());

  it('explains why it is not connecting to Discord and how to, then exits at the end of input', () => {
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Not connecting to Discord: DISCORD_TOKEN is not set/);
    expect(run.stdout).toMatch(/set DISCORD_TOKEN/);
    expect(run.stdout).toMatch(/npm run deploy-commands/);
  });

  it('answers ask and a bare question with the quoted sentence and its source', () => {
    for (const line of lines.slice(0, 2)) {
      const answer = answerTo(run.stdout, line);
      expect(answer).toContain(ZANZIBAR_ANSWER);
      expect(answer).toContain(`== ${ZANZIBAR_TITLE} ==`);
      expect(answer).toContain('Office of the Spokesperson');
    }
  });

  it("shows the latest day's digest", () => {
    const answer = answerTo(run.stdout, 'digest');
    expect(answer).toContain('Digest: Mar 12, 2031');
    expect(FIXTURE_DAY).toBe('2031-03-12');
    expect(answer).toContain(ZANZIBAR_TITLE);
  });

  it('pages with next, through the same button handler as Discord', () => {
    expect(answerTo(run.stdout, 'search Kenya talks')).toMatch(/Page 1 of 3/);
    const next = answerTo(run.stdout, 'next');
    expect(next).toMatch(/Page 2 of 3/);
    expect(next).toMatch(/^-- 6\. /m);
    expect(KENYA_TALKS).toBeGreaterThan(10);
  });

  it('says what is wrong with bad input instead of failing', () => {
    expect(answerTo(run.stdout, '/frobnicate')).toMatch(/Unknown command "frobnicate"/);
    expect(answerTo(run.stdout, 'release no-such-release')).toMatch(/No release has the id/);
    expect(answerTo(run.stdout, 'ask')).toMatch(/ask needs question/);
    expect(run.stderr).not.toMatch(/error:/);
  });
});
