/** Autocomplete choices from the engine's memory, and reading the ids those choices carry. */
import type { AutocompleteInteraction } from 'discord.js';
import type { Release } from '../corpus/release.js';
import type { Engine } from '../search/engine.js';
import { LIMITS, fitChoices, type Choice } from './limits.js';

/** A release id as an option value: ids fit today, but a value over 100 characters is carried as its prefix. */
export function idValue(id: string): string {
  return id.slice(0, LIMITS.choiceValue);
}

/**
 * The release an option value names: its id, a unique id prefix (see `idValue`), or typed text that matches
 * exactly one title. Otherwise the engine's UserError with suggestions.
 */
export function resolveRelease(engine: Engine, value: string): Release {
  const wanted = value.trim();
  const exact = engine.find(wanted);
  if (exact) return exact;
  if (wanted.length >= 20) {
    const prefixed = engine.all().filter((release) => release.id.startsWith(wanted));
    if (prefixed.length === 1) return prefixed[0] as Release;
  }
  if (wanted) {
    const titled = engine.suggestReleases(wanted, 2);
    if (titled.length === 1) return engine.get((titled[0] as { id: string }).id);
  }
  return engine.get(wanted);
}

export function releaseChoices(engine: Engine, typed: string): Choice[] {
  return fitChoices(
    engine.suggestReleases(typed, LIMITS.choices).map((release) => ({ name: `${release.date} ${release.title}`, value: idValue(release.id) })),
  );
}

function matches(typed: string, ...names: string[]): boolean {
  const wanted = typed.trim().toLowerCase();
  return !wanted || names.some((name) => name.toLowerCase().includes(wanted));
}

/** Countries found in the corpus, most releases first, e.g. "Kenya (12)". */
export function countryChoices(engine: Engine, typed: string): Choice[] {
  const wanted = typed.trim().toLowerCase();
  const found = engine.countryCounts().filter((country) => matches(typed, country.name, country.code));
  // Names that start with what was typed come first ("Ni" → Niger, Nigeria before Benin).
  found.sort((a, b) => Number(!a.name.toLowerCase().startsWith(wanted)) - Number(!b.name.toLowerCase().startsWith(wanted)));
  return fitChoices(found.map((country) => ({ name: `${country.name} (${country.count})`, value: country.name })));
}

/** Speakers/offices named in bylines, most frequent first. */
export function speakerChoices(engine: Engine, typed: string): Choice[] {
  const counts = new Map<string, number>();
  for (const release of engine.all()) {
    if (!release.office) continue;
    // Joint bylines list several speakers separated by ";".
    for (const speaker of release.office.split(';').map((part) => part.trim()).filter(Boolean)) {
      if (matches(typed, speaker)) counts.set(speaker, (counts.get(speaker) ?? 0) + 1);
    }
  }
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return fitChoices(sorted.map(([speaker, count]) => ({ name: `${speaker} (${count})`, value: speaker.slice(0, LIMITS.choiceValue) })));
}

/** Answers autocomplete with `choices` for the focused option (none for others). */
export async function answerChoices(
  interaction: AutocompleteInteraction,
  byOption: Record<string, (typed: string) => Choice[]>,
): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const choose = byOption[focused.name];
  await interaction.respond(choose ? choose(String(focused.value)) : []);
}
