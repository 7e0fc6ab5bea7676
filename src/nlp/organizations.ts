import { searchTerms } from './terms.js';

/**
 * International organizations as releases name them, by the acronym people type. A question's acronym adds the
 * full name's terms, and a full name adds the acronym: releases use either, often both.
 * Acronyms that are English words ("WHO") count only when written in capitals.
 */
const ORGANIZATIONS: [acronym: string, name: string][] = [
  ['WHO', 'World Health Organization'],
  ['UN', 'United Nations'],
  ['UNGA', 'United Nations General Assembly'],
  ['UNSC', 'United Nations Security Council'],
  ['UNHCR', 'United Nations High Commissioner for Refugees'],
  ['UNICEF', 'United Nations Children’s Fund'],
  ['WFP', 'World Food Programme'],
  ['NATO', 'North Atlantic Treaty Organization'],
  ['OSCE', 'Organization for Security and Co-operation in Europe'],
  ['OECD', 'Organization for Economic Cooperation and Development'],
  ['OAS', 'Organization of American States'],
  ['ASEAN', 'Association of Southeast Asian Nations'],
  ['AU', 'African Union'],
  ['IAEA', 'International Atomic Energy Agency'],
  ['IMF', 'International Monetary Fund'],
  ['WTO', 'World Trade Organization'],
  ['ICC', 'International Criminal Court'],
  ['ICRC', 'International Committee of the Red Cross'],
  ['USAID', 'United States Agency for International Development'],
  ['SICA', 'Central American Integration System'],
  ['GCC', 'Gulf Cooperation Council'],
  ['APEC', 'Asia-Pacific Economic Cooperation'],
  ['ECOWAS', 'Economic Community of West African States'],
  ['IGAD', 'Intergovernmental Authority on Development'],
];

const WORD_LIKE = new Set(['WHO', 'AU']);

// Compiled once: every question is checked against every organization.
const MATCHERS = ORGANIZATIONS.map(([acronym, name]) => ({
  acronym: new RegExp(`\\b${acronym}\\b`, WORD_LIKE.has(acronym) ? '' : 'i'),
  name: name.toLowerCase(),
  nameTerms: searchTerms(name),
  acronymTerms: searchTerms(acronym),
}));

/** The other form's search terms for each organization named in `text` (acronym in, full name out, and back). */
export function organizationTerms(text: string): string[] {
  const terms: string[] = [];
  const folded = text.toLowerCase();
  for (const organization of MATCHERS) {
    if (organization.acronym.test(text)) terms.push(...organization.nameTerms);
    else if (folded.includes(organization.name)) terms.push(...organization.acronymTerms);
  }
  return terms;
}
