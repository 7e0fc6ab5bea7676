import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** One shared wink-nlp instance: loading the model is the expensive part. */
export const nlp = winkNLP(model);
export const its = nlp.its;
