/**
 * The emulator's notion of time. Tests can move it forward (`advance`) to cross Discord's
 * 3-second acknowledgement deadline or the 15-minute token lifetime without sleeping.
 */
export class EmulatorClock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advance() needs a non-negative duration, got ${ms}`);
    this.offsetMs += ms;
  }
}

const DISCORD_EPOCH_MS = 1_420_070_400_000n;

/** Generates Discord snowflakes (timestamp << 22 | worker | increment), strictly increasing. */
export class SnowflakeFactory {
  private last = 0n;

  constructor(private readonly clock: EmulatorClock) {}

  next(): string {
    const timestamp = BigInt(this.clock.now()) - DISCORD_EPOCH_MS;
    let id = (timestamp << 22n) | (1n << 17n);
    if (id <= this.last) id = this.last + 1n;
    this.last = id;
    return id.toString();
  }
}
