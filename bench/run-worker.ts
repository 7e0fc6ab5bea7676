/** The parent's side of a worker step: fork it (through tsx), time it, collect its JSON. */
import { fork } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './corpus.js';
import type { WorkerMessage } from './worker.js';

const WORKER = path.join(REPO_ROOT, 'bench/worker.ts');

export interface WorkerOptions {
  /** Extra Node flags, e.g. --cpu-prof. */
  nodeFlags?: string[];
  timeoutMs?: number;
}

export interface WorkerRun<T> {
  result: T;
  /** Wall time from fork to the child's 'ready' message: a cold start. Null for steps that never report ready. */
  ready_s: number | null;
  wall_s: number;
}

export function runWorker<T>(args: string[], options: WorkerOptions = {}): Promise<WorkerRun<T>> {
  const started = performance.now();
  const child = fork(WORKER, args, {
    cwd: REPO_ROOT,
    execPath: process.execPath,
    execArgv: ['--import', 'tsx', '--expose-gc', '--max-old-space-size=12288', ...(options.nodeFlags ?? [])],
    // The parent's stdout is the report table; anything a child prints goes to stderr.
    stdio: ['ignore', process.stderr, process.stderr, 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let ready_s: number | null = null;
    let settled = false;
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish(() => reject(new Error(`worker ${args.join(' ')} timed out after ${options.timeoutMs} ms`)));
    }, options.timeoutMs ?? 3 * 60 * 60 * 1000);
    child.on('message', (message: WorkerMessage) => {
      if (message.type === 'ready') ready_s = (performance.now() - started) / 1000;
      else if (message.type === 'result') {
        const wall_s = (performance.now() - started) / 1000;
        finish(() => resolve({ result: message.result as T, ready_s, wall_s }));
      } else if (message.type === 'error') finish(() => reject(new Error(`worker ${args[0]} failed: ${message.message}`)));
    });
    child.on('error', (error) => finish(() => reject(error)));
    // Let IPC messages still in flight arrive before concluding there was no result.
    child.on('exit', (code, signal) =>
      setTimeout(
        () => finish(() => reject(new Error(`worker ${args.join(' ')} exited (${signal ?? code}) without a result`))),
        200,
      ),
    );
  });
}
