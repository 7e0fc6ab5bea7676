// Country input and names come from the countries module (one gazetteer for the whole bot).
export { countryName, resolveCountry } from '../countries/index.js';
