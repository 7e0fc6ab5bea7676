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

  it('reads "this fall", "next year" and "in the coming weeks" as when something is to happen, without a calendar date', () => {
    expect(traitsOf('They agreed to hold a second Leaders’ Summit this fall.').date).toBe(true);
    expect(traitsOf('They agreed to hold a second Leaders’ Summit this fall.').calendarDate).toBe(false);
    expect(traitsOf('The team will travel to the region in the coming weeks.').date).toBe(true);
    expect(traitsOf('The fall of the government was a surprise.').date).toBe(false);
  });
});
