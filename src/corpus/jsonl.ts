import path from 'node:path';
import { isIsoDate } from './dates.js';
import type { ParseOutcome } from './plaintext.js';
import type { RawRelease } from './release.js';
import { normalizeSpace, splitParagraphs } from './text.js';

/** JSON Lines with `title`, `date` (yyyy-mm-dd), `office`, `url`, `body` and optional `kind`/`kind_guess`. */
export function parseJsonLines(text: string, fileName: string): ParseOutcome {
  const releases: RawRelease[] = [];
  const errors: string[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `${path.basename(fileName)}:${index + 1}`;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      errors.push(`${where}: not valid JSON`);
      return;
    }
    const problem = validate(record);
    if (problem) {
      errors.push(`${where}: ${problem}`);
      return;
    }
    const r = record as JsonRelease;
    const paragraphs = splitParagraphs(r.body);
    releases.push({
      title: normalizeSpace(r.title),
      date: r.date,
      office: typeof r.office === 'string' && r.office.trim() ? normalizeSpace(r.office) : null,
      url: typeof r.url === 'string' && r.url.trim() ? r.url.trim() : null,
      paragraphs,
      kind: r.kind ?? null,
      kindGuess: r.kind_guess ?? null,
      format: 'jsonl',
      key: typeof r.url === 'string' && r.url.trim() ? r.url.trim() : undefined,
    });
  });
  return { releases, errors };
}

interface JsonRelease {
  title: string;
  date: string;
  office?: string | null;
  url?: string | null;
  body: string;
  kind?: string | null;
  kind_guess?: string | null;
}

function validate(record: unknown): string | null {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return 'expected a JSON object';
  const r = record as Record<string, unknown>;
  if (typeof r.title !== 'string' || !r.title.trim()) return 'missing "title"';
  if (typeof r.date !== 'string' || !isIsoDate(r.date)) return `"date" must be yyyy-mm-dd, got ${JSON.stringify(r.date)}`;
  if (typeof r.body !== 'string' || !r.body.trim()) return 'missing "body"';
  return null;
}
