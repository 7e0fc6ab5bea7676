import path from 'node:path';
import { parseDateLine } from './dates.js';
import type { RawRelease } from './release.js';
import { normalizeSpace, splitParagraphs } from './text.js';

export interface ParseOutcome {
  releases: RawRelease[];
  /** "file:line: what is wrong" for each malformed input. */
  errors: string[];
}

/**
 * The sample's plain-text form, one release per file:
 *   title line / date line ("3 Dec") / byline line / blank line / paragraphs separated by blank lines.
 * The date line carries no year, so the caller passes it (the sample records it in its folder name).
 */
export function parsePlainTextRelease(text: string, fileName: string, year?: number, url: string | null = null): ParseOutcome {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  let cursor = 0;
  const nextLine = (): { text: string; number: number } | null => {
    while (cursor < lines.length && normalizeSpace(lines[cursor]!) === '') cursor++;
    if (cursor >= lines.length) return null;
    return { text: normalizeSpace(lines[cursor]!), number: ++cursor };
  };
  const where = (line: number) => `${path.basename(fileName)}:${line}`;
  const title = nextLine();
  if (!title) return { releases: [], errors: [`${where(1)}: empty file, expected a title line`] };
  const dateLine = nextLine();
  if (!dateLine) return { releases: [], errors: [`${where(title.number)}: no date line after the title`] };
  const date = parseDateLine(dateLine.text, year);
  if (!date) {
    const hint = year === undefined ? ' (a date without a year needs the year: put the file in a folder named after it, e.g. 2021/)' : '';
    return { releases: [], errors: [`${where(dateLine.number)}: cannot read the date line "${dateLine.text}"${hint}`] };
  }
  // The byline is the line right after the date; a blank line there means the release has none.
  let office: string | null = null;
  if (cursor < lines.length && normalizeSpace(lines[cursor]!) !== '') {
    office = normalizeSpace(lines[cursor]!);
    cursor++;
  }
  const paragraphs = splitParagraphs(lines.slice(cursor).join('\n'));
  if (paragraphs.length === 0) return { releases: [], errors: [`${where(dateLine.number)}: release "${title.text}" has no body`] };
  return { releases: [{ title: title.text, date, office, url, paragraphs, format: 'text', key: url ?? undefined }], errors: [] };
}

/** The year recorded by a file's folder (…/2021/file.txt), if any. */
export function yearFromPath(filePath: string): number | undefined {
  const folder = path.basename(path.dirname(path.resolve(filePath)));
  return /^(19|20)\d{2}$/.test(folder) ? Number(folder) : undefined;
}
