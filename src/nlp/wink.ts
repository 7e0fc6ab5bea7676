import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** One shared wink-nlp instance: loading the model is the expensive part. */
export const nlp = winkNLP(model);
export const its = nlp.its;

/** The words of a short text with their part-of-speech tags ("NOUN", "VERB", …). */
export function taggedWords(text: string): { words: string[]; tags: string[] } {
  const tokens = nlp.readDoc(text).tokens();
  return { words: tokens.out(), tags: tokens.out(its.pos) };
}
