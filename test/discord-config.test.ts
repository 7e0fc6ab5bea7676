import { spawn } from 'node:child_process';
import { isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_API_BASE, readConfig } from '../src/config.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('configuration', () => {
  it('defaults to the console, Discord itself, and ./data', () => {
    const config = readConfig({});
    expect(config).toMatchObject({ token: null, clientId: null, guildId: null, apiBase: DEFAULT_API_BASE, searchIndex: 'auto' });
    expect(isAbsolute(config.dataDir)).toBe(true);
    expect(config.dataDir.endsWith('data')).toBe(true);
  });

  it('accepts an emulator base and trims a trailing slash', () => {
    const config = readConfig({ DISCORD_TOKEN: ' abc.def.ghi ', DISCORD_API_BASE: 'http://127.0.0.1:4000/api/', DISCORD_GUILD_ID: '123' });
    expect(config).toMatchObject({ token: 'abc.def.ghi', apiBase: 'http://127.0.0.1:4000/api', guildId: '123' });
  });

  it('reports every invalid setting by name at once', () => {
    let error: unknown;
    try {
      readConfig({ DISCORD_TOKEN: 'Bot abc', DISCORD_API_BASE: 'ftp://example.com', DISCORD_CLIENT_ID: 'my-app', DISCORD_GUILD_ID: 'x', SEARCH_INDEX: 'redis' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['DISCORD_TOKEN', 'DISCORD_API_BASE', 'DISCORD_CLIENT_ID', 'DISCORD_GUILD_ID', 'SEARCH_INDEX']) expect(problems).toContain(name);
    expect(readConfig({ SEARCH_INDEX: 'Disk' }).searchIndex).toBe('disk');
    expect(problems).not.toContain('abc');
  });

  it('npm start exits with code 1 and a clear message, without a stack trace', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, DISCORD_TOKEN: '', DISCORD_API_BASE: 'not a url', FEEDS: 'none' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(output).toMatch(/Invalid configuration:\n {2}- DISCORD_API_BASE must be an http\(s\) URL/);
    expect(output).not.toMatch(/^\s+at /m);
  });
});
