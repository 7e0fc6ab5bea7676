import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

/** Elements that never carry release text. */
const JUNK_SELECTOR = [
  'script', 'style', 'noscript', 'template', 'img', 'picture', 'figure', 'iframe', 'svg', 'video', 'audio',
  'object', 'embed', 'canvas', 'form', 'input', 'button', 'select', 'textarea', 'nav', 'aside', 'link', 'meta',
  '[hidden]', '[aria-hidden="true"]', '.screen-reader-text',
  // state.gov / WordPress widgets around or inside the article body
  '.related-tags', '.related-content', '.wp-block-tags-block', '.wp-block-buttons', '.wp-block-summary-article-index',
].join(', ');

/** A class word that marks a share/social widget ("share-this-page", "addtoany_share", "social-links"). */
const WIDGET_CLASS = /(^|[\s_-])(share|sharing|sharedaddy|addtoany|a2a|social)([\s_-]|$)/i;

/** Leftover widget captions that are never part of a release when they stand alone. */
const WIDGET_TEXT = /^(share( this( page| article)?)?|tags|print|email|tweet|facebook|twitter|linkedin|whatsapp|copy link|related articles?)\s*:?$/i;

const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'blockquote', 'pre', 'address', 'center',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot',
  'tr', 'caption', 'figcaption', 'hr', 'body', 'html',
]);
const CELL_TAGS = new Set(['td', 'th']);

/** Every kind of horizontal white space, including U+00A0 and U+202F, becomes one ordinary space. */
export function normalizeSpaces(text: string): string {
  return text.replace(/[\s\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g, ' ').trim();
}

/** Decodes HTML entities in a text fragment (a title, a byline) and normalizes its spaces; tags are dropped. */
export function htmlText(fragment: string): string {
  return normalizeSpaces(cheerio.load(fragment, null, false).root().text());
}

/**
 * Turns release HTML (a feed's content:encoded, a page's article body) into clean paragraphs: one per block
 * element (a `<br>` is a space, as in the built-in corpus), list items as "- item", scripts, images and
 * share widgets dropped, entities decoded, white space normalized, no empty paragraphs.
 */
export function htmlToParagraphs(html: string): string[] {
  const $ = cheerio.load(html, null, false);
  return paragraphsOf($, $.root().toArray());
}

/** Same as htmlToParagraphs, for nodes of an already loaded document (a page's article body). */
export function paragraphsOf($: cheerio.CheerioAPI, roots: AnyNode[]): string[] {
  for (const root of roots) removeJunk($, root);
  const paragraphs: string[] = [];
  let current = '';
  let prefix = '';

  const flush = (): void => {
    const text = normalizeSpaces(current);
    if (text !== '' && !WIDGET_TEXT.test(text)) paragraphs.push(prefix + text);
    current = '';
    prefix = '';
  };

  const walk = (node: AnyNode): void => {
    if (node.type === 'text') {
      current += node.data;
      return;
    }
    if (node.type === 'cdata') {
      for (const child of node.children) walk(child);
      return;
    }
    if (node.type !== 'tag' && node.type !== 'root') return; // comments, directives
    const name = node.type === 'tag' ? node.name.toLowerCase() : '';
    if (name === 'br') {
      current += ' ';
      return;
    }
    const children = (node as Element).children;
    if (CELL_TAGS.has(name)) {
      if (normalizeSpaces(current) !== '') current += ' | ';
      for (const child of children) walk(child);
      return;
    }
    if (!BLOCK_TAGS.has(name)) {
      for (const child of children) walk(child);
      return;
    }
    flush();
    if (name === 'li') prefix = '- ';
    for (const child of children) walk(child);
    flush();
  };

  for (const root of roots) walk(root);
  flush();
  return paragraphs;
}

function removeJunk($: cheerio.CheerioAPI, root: AnyNode): void {
  const scope = $(root);
  scope.find(JUNK_SELECTOR).remove();
  scope
    .find('[class], [id]')
    .filter((_, el) => WIDGET_CLASS.test($(el).attr('class') ?? '') || WIDGET_CLASS.test($(el).attr('id') ?? ''))
    .remove();
}

/** Case-, space- and punctuation-insensitive comparison of two bylines. */
export function sameByline(a: string, b: string): boolean {
  const simplify = (s: string) => normalizeSpaces(s).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return simplify(a) !== '' && simplify(a) === simplify(b);
}

/** state.gov bodies open with the byline ("Office of the Spokesperson"); it is metadata, not text. */
export function dropLeadingByline(paragraphs: string[], byline: string | null): string[] {
  const first = paragraphs[0];
  if (first !== undefined && byline !== null && sameByline(first, byline)) return paragraphs.slice(1);
  return paragraphs;
}
