import { Command, CommanderError } from 'commander';
import { config as loadEnv } from 'dotenv';
import { createInterface } from 'node:readline';
import { readSearchIndexMode } from '../config.js';
import { isUserError, UserError } from '../errors.js';
import type { SearchIndexMode } from '../search/search-index.js';
import { Engine } from '../search/engine.js';
import { formatAsk, formatCountry, formatDigest, formatImport, formatRelease, formatSearch, formatSummary, releaseLine } from './format.js';
import { askJson, countryJson, hitJson, listJson } from './json.js';

/**
 * `npm run cli -- <command> [args] [--json]`: the engine from a shell, for people and for scripts.
 * Results go to standard output; errors to standard error with exit code 1 (2 for usage errors).
 */
export async function runCli(argv: string[], io: { out: (line: string) => void; err: (line: string) => void } = defaultIo): Promise<number> {
  let engine: Engine | undefined;
  const open = async () => (engine ??= await Engine.open({ dataDir: process.env.DATA_DIR || './data', searchIndex: searchIndexFromEnv() }));
  let exitCode = 0;
  const program = new Command('statebot')
    .description('Answers questions about U.S. Department of State press releases.')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .showHelpAfterError();

  const print = (json: boolean, value: unknown, text: string) => io.out(json ? JSON.stringify(value) : text);

  program
    .command('ask')
    .description('answer a question (with no question, read one per line from standard input)')
    .argument('[question...]')
    .option('--json', 'one JSON object per question')
    .option('--limit <n>', 'releases to list', '3')
    .action(async (words: string[], options: { json?: boolean; limit: string }) => {
      const e = await open();
      const limit = positiveInt(options.limit, 'limit');
      const answer = (question: string) => e.ask(question, { limit });
      if (words.length > 0) {
        const result = answer(words.join(' '));
        print(Boolean(options.json), askJson(result), formatAsk(result));
        return;
      }
      for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
        if (!line.trim()) continue;
        try {
          const result = answer(line);
          print(Boolean(options.json), askJson(result), formatAsk(result) + '\n');
        } catch (error) {
          if (!isUserError(error)) throw error;
          exitCode = 1;
          io.err(`error: ${error.message}`);
          if (options.json) io.out(JSON.stringify({ question: line.trim(), answer: null, results: [], error: error.message }));
        }
      }
    });

  program
    .command('search')
    .description('ranked releases with snippets')
    .argument('[query...]')
    .option('--from <date>', 'first date, yyyy-mm-dd')
    .option('--to <date>', 'last date, yyyy-mm-dd')
    .option('--country <name>', 'country name, demonym, alias or code')
    .option('--speaker <text>', 'part of the speaker/office byline')
    .option('--kind <kind>', 'e.g. "Press Statement", "Readout"')
    .option('--limit <n>', 'results per page', '10')
    .option('--offset <n>', 'results to skip', '0')
    .option('--json', 'JSON output')
    .action(async (words: string[], options) => {
      const e = await open();
      const offset = Number(options.offset) || 0;
      const result = e.search(words.join(' '), options, { limit: positiveInt(options.limit, 'limit'), offset });
      print(Boolean(options.json), { query: result.query, total: result.total, results: result.hits.map(hitJson) }, formatSearch(result, offset));
    });

  program
    .command('summarize')
    .description('an extractive summary of a release')
    .argument('<id>')
    .option('--sentences <n>', 'how many sentences (1–10)', '3')
    .option('--json', 'JSON output')
    .action(async (id: string, options) => {
      const summary = (await open()).summarize(id, Number(options.sentences));
      const { release } = summary;
      print(Boolean(options.json), { id: release.id, title: release.title, date: release.date, sentences: summary.sentences }, formatSummary(summary));
    });

  program
    .command('digest')
    .description("a day's releases (default: the latest day)")
    .argument('[date]')
    .option('--json', 'JSON output')
    .action(async (date: string | undefined, options) => {
      const digest = (await open()).digest(date);
      const json = {
        date: digest.date,
        count: digest.count,
        groups: digest.groups.map((g) => ({ label: g.label, releases: g.entries.map((entry) => ({ ...listJson(entry.release), summary: entry.summary })) })),
      };
      print(Boolean(options.json), json, formatDigest(digest));
    });

  program
    .command('country')
    .description('releases about a country, newest first')
    .argument('<name...>')
    .option('--from <date>', 'first date, yyyy-mm-dd')
    .option('--to <date>', 'last date, yyyy-mm-dd')
    .option('--json', 'JSON output')
    .action(async (words: string[], options) => {
      const result = (await open()).country(words.join(' '), { from: options.from, to: options.to });
      print(Boolean(options.json), countryJson(result), formatCountry(result));
    });

  program
    .command('show')
    .description('a release in full')
    .argument('<id>')
    .option('--json', 'JSON output')
    .action(async (id: string, options) => {
      const release = (await open()).get(id);
      print(Boolean(options.json), release, formatRelease(release));
    });

  program
    .command('list')
    .description('every release, newest first')
    .option('--json', 'one JSON line per release')
    .action(async (options) => {
      for (const release of (await open()).all()) print(Boolean(options.json), listJson(release), releaseLine(release));
    });

  program
    .command('import')
    .description('import releases from .txt, .jsonl, .rss/.xml or .html files, or feed/page URLs')
    .argument('<sources...>')
    .option('--json', 'JSON output')
    .action(async (sources: string[], options) => {
      const report = await (await open()).importFiles(sources);
      const json = { added: report.added.map((r) => r.id), updated: report.updated.map((r) => r.id), unchanged: report.unchanged, errors: report.errors };
      print(Boolean(options.json), json, formatImport(report));
      for (const error of report.errors) io.err(`import: ${error}`);
      if (report.errors.length > 0) exitCode = 1;
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (isUserError(error)) {
      io.err(`error: ${error.message}`);
      return 1;
    }
    io.err(`error: ${(error as Error).message}`);
    return 1;
  } finally {
    engine?.close();
  }
  return exitCode;
}

function positiveInt(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new Error(`--${name} must be a whole number from 1 to 100`);
  return n;
}

const defaultIo = { out: (line: string) => console.log(line), err: (line: string) => console.error(line) };

if (import.meta.url === `file://${process.argv[1]}`) {
  loadEnv({ quiet: true });
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

function searchIndexFromEnv(): SearchIndexMode {
  const problems: string[] = [];
  const mode = readSearchIndexMode(process.env, problems);
  if (problems.length > 0) throw new UserError(problems.join(' '), 'BAD_ARGUMENT');
  return mode;
}
