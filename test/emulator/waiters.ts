interface Waiter {
  check: () => boolean;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * Promises that settle when a condition over the emulator's state becomes true. The emulator calls
 * `notify()` after every change (a REST call answered, a gateway identify), so no polling is needed.
 */
export class Waiters {
  private readonly pending = new Set<Waiter>();
  private closed = false;

  waitFor<T>(probe: () => T | undefined, timeoutMs: number, describe: () => string): Promise<T> {
    if (this.closed) return Promise.reject(new Error('Emulator is stopped'));
    const immediate = probe();
    if (immediate !== undefined) return Promise.resolve(immediate);
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter = {
        check: () => {
          const value = probe();
          if (value === undefined) return false;
          resolve(value);
          return true;
        },
        reject,
        timer: setTimeout(() => {
          this.pending.delete(waiter);
          reject(new Error(`Emulator: timed out after ${timeoutMs} ms waiting for ${describe()}`));
        }, timeoutMs),
      };
      this.pending.add(waiter);
    });
  }

  notify(): void {
    for (const waiter of [...this.pending]) {
      if (waiter.check()) {
        clearTimeout(waiter.timer);
        this.pending.delete(waiter);
      }
    }
  }

  close(): void {
    this.closed = true;
    for (const waiter of this.pending) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error('Emulator stopped while waiting'));
    }
    this.pending.clear();
  }
}
