import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isUserError } from '../errors.js';
import { parseJsonLines } from './jsonl.js';
import { parsePlainTextRelease, yearFromPath, type ParseOutcome } from './plaintext.js';

/**
 * Reads releases from files or URLs of any supported kind: the sample's plain text (.txt), JSON Lines (.jsonl),
 * RSS feeds (.rss/.xml), state.gov release pages (.html) and http(s) URLs of either.
 * A file that cannot be read is reported (with its name) and the others are still read.
 */
export async function loadFiles(sources: string[]): Promise<ParseOutcome> {
  const outcome: ParseOutcome = { releases: [], errors: [] };
  for (const source of sources) {
    try {
      const { releases, errors } = await loadOne(source);
      outcome.releases.push(...releases);
      outcome.errors.push(...errors);
    } catch (error) {
      // A UserError from the feed stack already names its source.
      outcome.errors.push(isUserError(error) ? error.message : `${source}: ${(error as Error).message}`);
    }
  }
  return outcome;
}

async function loadOne(source: string): Promise<ParseOutcome> {
  const extension = path.extname(source).toLowerCase();
  if (/^https?:\/\//i.test(source) || ['.rss', '.xml', '.html', '.htm'].includes(extension)) {
    // Feeds and pages need the HTML/XML stack; load it only when such a source is imported.
    const { loadSource } = await import('../feeds/import-source.js');
    return loadSource(source);
  }
  let text: string;
  try {
    text = await readFile(source, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code ?? 'error'})`);
  }
  if (extension === '.jsonl' || extension === '.ndjson' || extension === '.json') return parseJsonLines(text, source);
  if (extension === '.txt') return parsePlainTextRelease(text, source, yearFromPath(source));
  throw new Error(`unsupported file type "${extension || '(none)'}": use .txt, .jsonl, .rss/.xml or .html`);
}
