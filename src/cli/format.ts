import type { Release } from '../corpus/release.js';
import type { AskResult, CountryResult, Digest, ImportReport, SearchResult, Summary } from '../search/types.js';

/** Plain-text renderings of engine results, for the terminal. */

export function releaseLine(release: Release): string {
  return `${release.date}  ${release.title}  [${release.id}]`;
}

function source(release: Release): string {
  const parts = [release.title, release.date, release.office ?? undefined, release.kind].filter(Boolean);
  return `— ${parts.join(' · ')}${release.url ? `\n  ${release.url}` : ''}`;
}

export function formatAsk(result: AskResult): string {
  const lines: string[] = [];
  if (result.dateRange) lines.push(`(looking at ${result.dateRange.label})`);
  if (result.answer) {
    lines.push(`“${result.answer.text}”`, source(result.answer.release));
    const more = result.results.filter((hit) => hit.release.id !== result.answer!.release.id);
    if (more.length) lines.push('', 'Also relevant:', ...more.map((hit) => `  ${releaseLine(hit.release)}`));
  } else if (result.results.length) {
    lines.push('No sentence answers that directly. Releases from that period:', ...result.results.map((hit) => `  ${releaseLine(hit.release)}`));
  } else {
    lines.push('I found nothing relevant to that question in the releases I have.');
  }
  return lines.join('\n');
}

export function formatSearch(result: SearchResult, offset = 0): string {
  if (result.total === 0) return `No releases match "${result.query}".`;
  const lines = [`${result.total} release${result.total === 1 ? '' : 's'} match${result.dateRange ? ` (${result.dateRange.label})` : ''}:`];
  result.hits.forEach((hit, i) => {
    lines.push(`${offset + i + 1}. ${releaseLine(hit.release)}`, `   ${hit.snippet}`);
  });
  return lines.join('\n');
}

export function formatSummary(summary: Summary): string {
  return [`${summary.release.title} (${summary.release.date})`, '', ...summary.sentences.map((s) => `• ${s}`)].join('\n');
}

export function formatDigest(digest: Digest): string {
  if (digest.count === 0) return `No releases on ${digest.date}.`;
  const lines = [`Digest for ${digest.date}: ${digest.count} release${digest.count === 1 ? '' : 's'}`];
  for (const group of digest.groups) {
    lines.push('', `${group.label}:`);
    for (const entry of group.entries) {
      lines.push(`• ${entry.release.title}${entry.release.office ? ` — ${entry.release.office}` : ''} [${entry.release.id}]`);
      if (entry.summary) lines.push(`  ${entry.summary}`);
    }
  }
  return lines.join('\n');
}

export function formatCountry(result: CountryResult): string {
  const { country, releases } = result;
  if (releases.length === 0) return `No releases about ${country.name} (${country.code}).`;
  return [`${releases.length} release${releases.length === 1 ? '' : 's'} about ${country.name} (${country.code}), newest first:`, ...releases.map((r) => `  ${releaseLine(r)}`)].join('\n');
}

export function formatRelease(release: Release): string {
  const head = [release.title, `${release.date} · ${release.kind}${release.office ? ` · ${release.office}` : ''}`];
  if (release.url) head.push(release.url);
  if (release.countries.length) head.push(`Countries: ${release.countries.join(', ')}`);
  return [...head, '', ...release.paragraphs.join('\n\n').split('\n')].join('\n');
}

export function formatImport(report: ImportReport): string {
  const lines = [`Imported: ${report.added.length} new, ${report.updated.length} updated, ${report.unchanged} unchanged.`];
  if (report.errors.length) lines.push(`${report.errors.length} problem${report.errors.length === 1 ? '' : 's'}:`, ...report.errors.map((e) => `  ${e}`));
  return lines.join('\n');
}
