import { describe, expect, it } from 'vitest';
import { preprocess } from '../src/corpus/preprocess.js';
import type { RawRelease } from '../src/corpus/release.js';
import { MemoryIndex } from '../src/search/index.js';
import { parseQuestion } from '../src/search/question.js';
import { rankReleases } from '../src/search/rank.js';

const context = { today: '2021-12-06', corpusFirst: '2021-05-01', corpusLast: '2021-12-03' };
const raw = (title: string, paragraphs: string[]): RawRelease => ({
  title,
  date: '2021-07-01',
  office: 'Office of the Spokesperson',
  url: `https://www.state.gov/${title.toLowerCase().replace(/\W+/g, '-')}/`,
  paragraphs,
  format: 'jsonl',
});

describe('ranking releases', () => {
  const readout = preprocess(
    raw('Secretary Blinken’s Meeting with Uzbekistan Foreign Minister Kamilov', [
      'Secretary Blinken met today in Washington with Uzbekistan’s Foreign Minister Kamilov to discuss Uzbekistan’s role in Central Asia and Afghanistan.',
    ]),
  );
  const remarks = preprocess(
    raw('Secretary Antony J. Blinken and Uzbek Foreign Minister Kamilov Before Their Meeting', [
      'SECRETARY BLINKEN: Good afternoon, everyone. It is a pleasure to welcome the foreign minister to Washington.',
      'Uzbekistan plays a vital role in Central Asia, and we are working together on Afghanistan and on regional trade.',
      'FOREIGN MINISTER KAMILOV: Thank you, Mr. Secretary.',
    ]),
  );
  const index = new MemoryIndex();
  index.addAll([readout, remarks]);
  const lookup = (id: string) => [readout, remarks].find((release) => release.id === id);
  /** How far the transcript is ahead of the readout (negative: behind). */
  const transcriptLead = (question: string) => {
    const ranked = rankReleases(index, lookup, parseQuestion(question, context));
    const score = (id: string) => ranked.find((entry) => entry.release.id === id)!.score;
    return score(remarks.id) - score(readout.id);
  };

  it('holds a transcript back less when the question asks what one of its speakers said', () => {
    const asked = transcriptLead('what did blinken say about uzbekistan’s role in central asia in washington?');
    const notAsked = transcriptLead('what about uzbekistan’s role in central asia in washington?');
    expect(asked).toBeGreaterThan(notAsked + 0.05);
  });
});
