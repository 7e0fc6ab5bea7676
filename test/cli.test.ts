import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dataDir = mkdtempSync(path.join(tmpdir(), 'statebot-cli-'));

/** Runs `npm run cli -- args` as a user would (through tsx), with optional standard input. */
async function cli(args: string[], input?: string): Promise<{ stdout: string; stderr: string; code: number }> {
  const child = run(process.execPath, ['--import', 'tsx', 'src/cli/cli.ts', ...args], { env: { ...process.env, DATA_DIR: dataDir } });
  if (input !== undefined) {
    child.child.stdin!.end(input);
  } else child.child.stdin!.end();
  try {
    const { stdout, stderr } = await child;
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

describe('cli', () => {
  it('ask --json prints the documented object', async () => {
    const { stdout, code } = await cli(['ask', 'who led the kenyan delegation in the cyber dialogue?', '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(Object.keys(result)).toEqual(['question', 'answer', 'results']);
    expect(result.answer).toMatchObject({ text: expect.stringContaining('Mutiso'), id: expect.any(String), title: expect.any(String), date: '2021-12-03' });
    expect(Object.keys(result.results[0])).toEqual(['id', 'title', 'date', 'office', 'url', 'score', 'snippet']);
  });

  it('ask without a question reads one per line and prints one JSON line each', async () => {
    const { stdout, stderr, code } = await cli(['ask', '--json'], 'thailand national day\n\n🙂\nwho moderates the reuters next conversation\n');
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((l) => l.question)).toEqual(['thailand national day', '🙂', 'who moderates the reuters next conversation']);
    expect(lines[1].answer).toBeNull();
    expect(stderr).toMatch(/error: There is nothing to search for/);
    expect(code).toBe(1);
  });

  it('country --json and list --json print the documented shapes', async () => {
    const country = JSON.parse((await cli(['country', 'Kenyan', '--json'])).stdout);
    expect(country.country).toEqual({ code: 'KE', name: 'Kenya' });
    expect(country.results[0]).toEqual({ id: expect.any(String), title: 'United States and Kenya Hold Dialogue on Cyber Issues', date: '2021-12-03' });
    const list = (await cli(['list', '--json'])).stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(list).toHaveLength(10);
    expect(Object.keys(list[0])).toEqual(['id', 'title', 'date', 'office', 'kind', 'url', 'countries']);
  });

  it('reports errors on standard error with a non-zero exit code', async () => {
    const unknown = await cli(['show', 'no-such-id']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No release has the id "no-such-id"/);
    const country = await cli(['country', 'Atlantis']);
    expect(country.code).toBe(1);
    expect(country.stderr).toMatch(/Atlantis/);
    expect((await cli(['frobnicate'])).code).toBe(2);
  });

  it('imports a file, reports its bad lines with line numbers, and never duplicates on re-import', async () => {
    const file = path.join(dataDir, 'more.jsonl');
    const good = { title: 'Nepal Constitution Day', date: '2021-09-19', office: 'Antony J. Blinken, Secretary of State', url: 'https://www.state.gov/nepal-constitution-day/', body: 'On behalf of the United States, I congratulate the people of Nepal on Constitution Day.' };
    await import('node:fs/promises').then((fs) => fs.writeFile(file, `${JSON.stringify(good)}\nnot json\n`));
    const first = await cli(['import', file, '--json']);
    expect(JSON.parse(first.stdout)).toMatchObject({ added: ['2021-09-19-nepal-constitution-day'], unchanged: 0 });
    expect(first.stderr).toMatch(/more\.jsonl:2: not valid JSON/);
    const again = await cli(['import', file, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ added: [], unchanged: 1 });
    expect((await cli(['show', '2021-09-19-nepal-constitution-day'])).stdout).toContain('Constitution Day');
  });
});
