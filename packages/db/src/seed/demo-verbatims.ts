import type { JourneyKey } from './demo-model.types.ts';
import type { ScoreBand } from './demo-survey-scores.ts';
import type { SeededRandom } from './seeded-random.ts';

type VerbatimContext = JourneyKey | 'relationship' | 'assessor';

/** Free-text answers by context and score band; `{n}` is replaced with a small number. */
const VERBATIMS: Record<VerbatimContext, Record<ScoreBand, string[]>> = {
  claim: {
    negative: [
      'I rang {n} times and every time I had to explain the whole claim again from the start.',
      'The storm took half the roof off and nobody could tell me when anyone would come out.',
      'Offered a cash settlement that was nowhere near what my builder quoted.',
      'The app said "in progress" for {n} weeks with no update at all.',
      'Had to chase for the payment even after the claim was agreed.',
      'Felt like I was being treated as a fraudster for asking a simple question.',
    ],
    neutral: [
      'Got there in the end but it took longer than I expected.',
      'Handler was helpful, the process around her was not.',
      'Fine once the contractor was booked, the first two weeks were frustrating.',
      'Settlement was fair but the excess was more than I remembered.',
    ],
    positive: [
      'My handler called me back exactly when she said she would and explained everything.',
      'Reported it in the app at 11pm and had an emergency plumber the next morning.',
      'Really impressed how quickly the money arrived once it was agreed.',
      'The contractor was tidy, polite and finished a day early.',
      'They checked on me because I was on my own with no heating. That meant a lot.',
    ],
  },
  assessor: {
    negative: [
      'Waited {n} days for the assessor and had to take two days off work when they did not turn up.',
      'The assessor was in and out in ten minutes and then I heard nothing for weeks.',
      'Nobody could tell me when the assessor report would be uploaded, so nothing moved.',
      'The loss adjuster contradicted what the claims handler had told me on the phone.',
      'Visit was rearranged {n} times. We were living with a tarpaulin on the roof.',
    ],
    neutral: [
      'The assessor was pleasant but could not tell me anything about what happens next.',
      'Visit went fine, the wait to get it booked did not.',
    ],
    positive: ['The assessor explained exactly what would be repaired and sent the report the same day.'],
  },
  buy: {
    negative: [
      'The questions about the roof made no sense to me and I could not get past the referral page.',
      'Price went up by £{n} between the comparison site and the checkout.',
      'Could not find out whether my home office equipment was covered.',
      'Was told someone would call back about the subsidence question. Nobody did for {n} days.',
    ],
    neutral: [
      'Quote was competitive, the website was a bit clunky.',
      'Took a while to work out the difference between the cover levels.',
      'Easy enough but I had to phone to add my bike.',
    ],
    positive: [
      'Quickest home insurance quote I have ever done, the address lookup filled in nearly everything.',
      'The sales adviser actually listened and found cover that suited a listed building.',
      'Clear about what is and is not covered, no small-print surprises.',
      'Bought in under ten minutes and the documents were in my inbox straight away.',
    ],
  },
  renew: {
    negative: [
      'Premium went up {n}% with no claims and no explanation.',
      'Found the same cover £{n} cheaper elsewhere. Loyalty counts for nothing.',
      'Sat in a queue for {n} minutes just to ask why the price changed.',
      'Renewed automatically even though I had asked to be contacted first.',
    ],
    neutral: [
      'Price went up a bit but the renewal letter explained why.',
      'Renewal was straightforward, I just wish the price was lower.',
      'Had to phone to change the excess, would rather have done it online.',
    ],
    positive: [
      'The renewal page explained exactly why my price changed. Refreshing honesty.',
      'Retention adviser found me a better deal without cutting my cover.',
      'Renewed in the app in two minutes.',
      'Price held steady and everything was clear. Happy to stay.',
    ],
  },
  relationship: {
    negative: [
      'Every year it is a battle to get a fair price.',
      'Impossible to get through on the phone.',
      'After the way my claim was handled I will be leaving at renewal.',
    ],
    neutral: [
      'Never had to claim, so hard to say.',
      'Average insurer, nothing special either way.',
      'Fine, but the app could do much more.',
    ],
    positive: [
      'Been with Harbour {n} years and they have always been straightforward.',
      'Great when I needed them after the floods.',
      'Good value and easy to deal with.',
    ],
  },
};

/** A verbatim for the given context and band, deterministic for the random state. */
export function pickVerbatim(rng: SeededRandom, context: VerbatimContext, band: ScoreBand): string {
  const text = rng.pick(VERBATIMS[context][band]);
  return text.includes('{n}') ? text.replace('{n}', String(rng.int(3, 19))) : text;
}
