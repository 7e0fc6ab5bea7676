import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SHARED_DIR, sharedAvailable } from '../scripts/shared.js';

const run = promisify(execFile);
const shared = sharedAvailable();
if (!shared) console.info(`eval script: ${SHARED_DIR} is absent, so npm run eval only says it skipped`);

describe.skipIf(!shared)('npm run eval with releases and questions of your own', () => {
  it('searches the --corpus releases beside both corpora and scores the --questions about them', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'statebot-eval-own-'));
    const releases = path.join(dir, 'releases.jsonl');
    const questions = path.join(dir, 'questions.jsonl');
    writeFileSync(
      releases,
      `${JSON.stringify({
        title: 'United States Announces Humanitarian Assistance for Tonga Following Volcanic Eruption',
        date: '2022-01-21',
        office: 'Office of the Spokesperson',
        url: 'https://www.state.gov/united-states-announces-humanitarian-assistance-for-tonga/',
        body: 'The United States is providing $2.5 million in humanitarian assistance to help the people of Tonga respond to the eruption of the Hunga Tonga–Hunga Ha’apai volcano.\n\nThe guided-missile destroyer USS Sampson is en route to Tonga to assist.',
      })}\n`,
    );
    writeFileSync(
      questions,
      `${JSON.stringify({
        id: 'own001',
        corpus: 'own',
        question: 'how much humanitarian aid did the US give tonga after the volcano eruption?',
        gold_title: 'United States Announces Humanitarian Assistance for Tonga Following Volcanic Eruption',
        gold_date: '2022-01-21',
        answer_phrases: ['$2.5 million'],
        kind: 'number',
      })}\n`,
    );
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/eval.ts', '--corpus', releases, '--questions', questions]);
    expect(stdout).toContain('the --corpus releases searched together');
    expect(stdout).toMatch(/^all\s+1\s+1\.000\s+1\.000\s+1\.000$/m);
    expect(stdout).toMatch(/^corpus:own\s+1\s/m);
  });
});
