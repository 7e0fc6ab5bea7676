import { describe, expect, it } from 'vitest';
import { Engine } from '../src/search/engine.js';
import { OFF_TOPIC_QUESTIONS, answerQuality, answeredOffTopic, readLines, type EvalQuestion } from '../scripts/quality.js';
import { EVAL_QUESTIONS, SHARED_DIR, loadSharedReleases, readJsonLines, sharedAvailable } from '../scripts/shared.js';

// The development questions of ../shared measure answers on real releases; without ../shared there is nothing to measure.
const shared = sharedAvailable();
if (!shared) console.info(`quality: ${SHARED_DIR} is absent, so answer quality on real releases is not measured`);

describe.skipIf(!shared)('answer quality on the shared releases (npm run eval prints the details)', () => {
  const open = async () => Engine.fromReleases([...(await Engine.open({ builtin: true })).all(), ...loadSharedReleases()]);

  it('answers the development questions at the aims of issue 2', async () => {
    const { tallies } = answerQuality(await open(), readJsonLines<EvalQuestion>(EVAL_QUESTIONS));
    const all = tallies.get('all')!;
    expect(all.hit1 / all.n).toBeGreaterThanOrEqual(0.9);
    expect(all.phrase / all.n).toBeGreaterThanOrEqual(0.8);
  });

  it('says it found nothing for most questions the releases cannot answer', async () => {
    const questions = readLines(OFF_TOPIC_QUESTIONS);
    const answered = answeredOffTopic(await open(), questions);
    // Long transcripts hold nearly any word, so a few slip through ("why is the sky blue" → "a blue-sky hypothetical").
    expect(answered.length, answered.map((a) => `${a.question} → ${a.title}`).join('\n')).toBeLessThanOrEqual(questions.length / 3);
  });
});
