import { describe, expect, it } from 'vitest';
import { traitsOf } from '../src/search/sentence-traits.js';

describe('sentence traits', () => {
  it('reads a year, however old, as a date a reader can place: "recognized the United States in 1791"', () => {
    expect(traitsOf('The relationship began when Portugal recognized the United States in 1791.').calendarDate).toBe(true);
    expect(traitsOf('The relationship began when Portugal recognized the United States in 1791.').count).toBe(false);
    expect(traitsOf('Since 2009, the United States has provided assistance.').calendarDate).toBe(true);
  });

  it('counts an ordinal ("your 61st year") as a number, but not the day of a date ("December 9th")', () => {
    expect(traitsOf('We celebrate your 61st year as an independent nation.').count).toBe(true);
    expect(traitsOf('The first summit will be held on December 9th.').count).toBe(false);
    expect(traitsOf('The first summit will be held on December 9th.').calendarDate).toBe(true);
  });
});
