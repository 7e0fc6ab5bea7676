/** Time as delivery sees it, so tests can move through days and DST changes without waiting. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Calls `callback` once, about `delayMs` from now. */
  setTimer(callback: () => void, delayMs: number): Timer;
  clearTimer(timer: Timer): void;
}

export type Timer = { readonly id: number };

/** Node's setTimeout cannot wait longer than this; longer waits are re-armed by the caller's recomputation. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

export function systemClock(): Clock {
  const handles = new Map<number, NodeJS.Timeout>();
  let nextId = 1;
  return {
    now: () => Date.now(),
    setTimer(callback, delayMs) {
      const timer = { id: nextId++ };
      const handle = setTimeout(
        () => {
          handles.delete(timer.id);
          callback();
        },
        Math.min(Math.max(0, delayMs), MAX_TIMEOUT_MS),
      );
      // Delivery must never be what keeps a process alive (the bot's client does that).
      handle.unref();
      handles.set(timer.id, handle);
      return timer;
    },
    clearTimer(timer) {
      const handle = handles.get(timer.id);
      if (handle) clearTimeout(handle);
      handles.delete(timer.id);
    },
  };
}

/**
 * A clock that only moves when told to. `advanceTo` fires due timers in time order, and after each one awaits
 * `settle` (e.g. the delivery service becoming idle) so that work a timer starts completes before time moves on.
 */
export class ManualClock implements Clock {
  private current: number;
  private timers: { id: number; at: number; callback: () => void }[] = [];
  private nextId = 1;

  constructor(start: Date | number | string) {
    this.current = new Date(start).getTime();
    if (Number.isNaN(this.current)) throw new Error(`ManualClock: bad start time ${String(start)}`);
  }

  now(): number {
    return this.current;
  }

  setTimer(callback: () => void, delayMs: number): Timer {
    const timer = { id: this.nextId++ };
    this.timers.push({ id: timer.id, at: this.current + Math.max(0, delayMs), callback });
    return timer;
  }

  clearTimer(timer: Timer): void {
    this.timers = this.timers.filter((entry) => entry.id !== timer.id);
  }

  /** Pending timers (for assertions that nothing is left scheduled, or to see the next wake-up). */
  pendingTimers(): number[] {
    return this.timers.map((entry) => entry.at).sort((a, b) => a - b);
  }

  async advanceTo(target: Date | number | string, settle: () => Promise<void> = async () => {}): Promise<void> {
    const end = new Date(target).getTime();
    if (end < this.current) throw new Error('ManualClock cannot go back in time');
    await settle();
    for (;;) {
      const due = this.timers.filter((entry) => entry.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.timers = this.timers.filter((entry) => entry.id !== due.id);
      this.current = Math.max(this.current, due.at);
      due.callback();
      await settle();
    }
    this.current = end;
    await settle();
  }

  advanceBy(ms: number, settle?: () => Promise<void>): Promise<void> {
    return this.advanceTo(this.current + ms, settle);
  }
}
