/** Baseline: plain MiniSearch, default options, over title and body; the corpus file is all it persists. */
import MiniSearch from 'minisearch';
import { readRawJsonl } from '../corpus.js';
import type { BenchSystem, TopHit } from '../systems/types.js';

interface Doc {
  id: number;
  title: string;
  body: string;
  date: string;
}

export const minisearchBaseline: BenchSystem = {
  async open(corpusFile) {
    const docs: Doc[] = (await readRawJsonl(corpusFile)).map((raw, id) => ({
      id,
      title: raw.title,
      body: raw.paragraphs.join('\n\n'),
      date: raw.date,
    }));
    const index = new MiniSearch<Doc>({ fields: ['title', 'body'], storeFields: ['title', 'date'] });
    const start = performance.now();
    index.addAll(docs);
    const build_s = (performance.now() - start) / 1000;
    docs.length = 0;
    return {
      build: { build_s },
      system: {
        ask(question) {
          const top = index.search(question)[0];
          return top ? { title: String(top['title']), date: String(top['date']) } satisfies TopHit : null;
        },
        close() {
          index.removeAll();
        },
      },
    };
  },
};
