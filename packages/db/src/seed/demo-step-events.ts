import type { Channel } from '@throughline/domain';
import { quoteEffortShift } from './demo-acid-test-stories.ts';
import { DAY_MS, HOUR_MS, buyVolumeFactor, claimVolumeFactor, isWinter } from './demo-calendar.ts';
import { leavesVerbatim, recordContact, recordEvent, stepRef, type EventContext } from './demo-event-context.ts';
import { DEMO_JOURNEYS } from './demo-governance.ts';
import type { JourneyKey } from './demo-model.types.ts';
import { cesBand, csatBand, sampleCes, sampleCsat } from './demo-survey-scores.ts';
import { pickVerbatim } from './demo-verbatims.ts';

/**
 * Step-level activity: each interaction happens at one step and may leave a post-interaction
 * survey (CSAT or CES), a contact (with its cost), a resolution time and an escalation.
 */
interface StepActivityProfile {
  journey: JourneyKey;
  interactions: number;
  volume: (month: number) => number;
  customers: [from: number, to: number];
  instrument: 'csat' | 'ces';
  surveyRate: number;
  stepWeights: Record<string, number>;
  /** CSAT top-two share or CES mean for an interaction at this step, month and point in the year. */
  quality: (stepKey: string, month: number, progress: number) => number;
  /** What the demo's acid-test stories add to that for a customer in `segment`, `daysAgo` days before the window's end. */
  storyShift?: (daysAgo: number, segment: string) => number;
  firstContactResolution: (stepKey: string, month: number) => number;
  escalationRate: (stepKey: string, month: number) => number;
  /** Median hours to resolve the step's task, or null when the step reports none. */
  resolutionMedianHours: ((stepKey: string, month: number) => number) | null;
}

const ASSESSOR = 'claim.assessor-visit';
const ASSISTED: ReadonlySet<Channel> = new Set(['phone', 'chat']);
const FAILURE_DEMAND_CHANNELS: Channel[] = ['phone', 'phone', 'phone', 'phone', 'chat', 'chat', 'email'];

const CLAIMS: StepActivityProfile = {
  journey: 'claim',
  interactions: 18_000,
  volume: claimVolumeFactor,
  customers: [0, 11_000],
  instrument: 'csat',
  surveyRate: 0.6,
  stepWeights: {
    'claim.report-online': 1.6,
    'claim.report-by-phone': 1.8,
    'claim.track-progress': 1.4,
    [ASSESSOR]: 1.2,
    'claim.complaint': 0.4,
  },
  quality: (step, month) => {
    const base = step === ASSESSOR ? 0.42 : step === 'claim.challenge-decision' || step === 'claim.complaint' ? 0.68 : 0.85;
    return base - (isWinter(month) ? 0.13 : month === 10 || month === 2 ? 0.05 : 0);
  },
  firstContactResolution: (step, month) => (step === ASSESSOR ? 0.42 : 0.77) - (isWinter(month) ? 0.08 : 0),
  escalationRate: (step, month) => (step === ASSESSOR ? 0.16 : step === 'claim.complaint' ? 0.1 : 0.03) + (isWinter(month) ? 0.02 : 0),
  resolutionMedianHours: (step, month) =>
    (step === ASSESSOR ? 260 : step === 'claim.contractor-repair' ? 96 : step === 'claim.fraud-questions' ? 60 : 26) *
    (isWinter(month) ? 1.5 : 1),
};

const BUY: StepActivityProfile = {
  journey: 'buy',
  interactions: 16_000,
  volume: buyVolumeFactor,
  customers: [11_000, 15_000],
  instrument: 'ces',
  surveyRate: 0.55,
  stepWeights: { 'buy.start-quote': 1.8, 'buy.see-quote': 1.6, 'buy.underwriting-questions': 1.5, 'buy.cooling-off-cancel': 0.3 },
  quality: (step) =>
    step === 'buy.underwriter-referral' ? 4.0 : step === 'buy.underwriting-questions' ? 4.4 : step === 'buy.pay' ? 5.9 : 5.5,
  // The busy season and the adviser chat's waves (the quote page changed nothing).
  storyShift: quoteEffortShift,
  firstContactResolution: (step) => (step === 'buy.underwriter-referral' ? 0.55 : 0.8),
  escalationRate: () => 0.015,
  resolutionMedianHours: null,
};

const RENEW: StepActivityProfile = {
  journey: 'renew',
  interactions: 10_000,
  volume: () => 1,
  customers: [0, 11_000],
  instrument: 'csat',
  surveyRate: 0.2,
  stepWeights: { 'renew.review-online': 1.8, 'renew.price-call': 1.5, 'renew.feedback': 0.2 },
  // The clearer price-change explanation rolled out over the year lifts renewal satisfaction.
  quality: (step, _month, progress) => (step === 'renew.price-call' ? 0.62 : 0.74) + 0.12 * progress,
  firstContactResolution: (step) => (step === 'renew.price-call' ? 0.7 : 0.8),
  escalationRate: () => 0.02,
  resolutionMedianHours: null,
};

export const STEP_ACTIVITY_PROFILES = [CLAIMS, BUY, RENEW];

export function generateStepActivity(ctx: EventContext, profile: StepActivityProfile): void {
  const { rng, calendar } = ctx;
  const journey = DEMO_JOURNEYS.find((j) => j.key === profile.journey)!;
  const stepKeys = journey.stages.flatMap((s) => s.steps.map((step) => step.key));
  const weights = stepKeys.map((k) => profile.stepWeights[k] ?? 1);
  const sampler = calendar.sampler(profile.volume);
  const journeyId = ctx.journeyIds[profile.journey];
  const [from, to] = profile.customers;

  for (let i = 0; i < profile.interactions; i++) {
    const stepKey = stepKeys[rng.weightedIndex(weights)]!;
    const step = stepRef(ctx, stepKey);
    const at = sampler.sample(rng);
    const month = new Date(at).getUTCMonth();
    const customer = ctx.customers[rng.int(from, to - 1)]!;

    // Surveys are answered a little after the interaction; some not yet when the window ends.
    const answeredAt = at + rng.int(1, 48) * HOUR_MS + rng.int(0, HOUR_MS - 1);
    if (rng.chance(profile.surveyRate) && answeredAt < calendar.end) {
      const quality =
        profile.quality(stepKey, month, calendar.progress(at)) +
        (profile.storyShift?.((calendar.end - at) / DAY_MS, customer.segment) ?? 0);
      const csat = profile.instrument === 'csat';
      // Happier customers score a little higher at every step.
      const shifted = csat ? quality + customer.npsShift / 400 : quality + customer.npsShift / 60;
      const score = csat ? sampleCsat(rng, shifted) : sampleCes(rng, shifted);
      const band = csat ? csatBand(score) : cesBand(score);
      ctx.surveys.push({
        source: 'qualtrics',
        instrument: profile.instrument,
        score,
        customerId: customer.id,
        journeyId,
        stepId: step.id,
        channel: step.channel,
        segment: customer.segment,
        verbatim: leavesVerbatim(ctx, band) ? pickVerbatim(rng, stepKey === ASSESSOR ? 'assessor' : profile.journey, band) : null,
        occurredAt: answeredAt,
      });
    }

    const where = { customer, journey: profile.journey, stepKey, at };
    const contactRate = ASSISTED.has(step.channel) ? 1 : step.channel === 'in_person' ? 0.5 : 0.1;
    if (rng.chance(contactRate)) {
      const channel = ASSISTED.has(step.channel) ? step.channel : rng.pick(FAILURE_DEMAND_CHANNELS);
      recordContact(ctx, where, channel, rng.chance(profile.firstContactResolution(stepKey, month)));
    }

    if (profile.resolutionMedianHours && rng.chance(0.3)) {
      const hours = rng.logNormal(profile.resolutionMedianHours(stepKey, month), 0.6);
      const resolvedAt = at + Math.round(hours * HOUR_MS);
      // Tasks still open when the window ends have not reported a resolution yet.
      if (resolvedAt < calendar.end) {
        recordEvent(
          ctx,
          { customer, journey: profile.journey, stepKey, at: resolvedAt },
          {
            source: 'guidewire',
            type: 'resolution',
            value: Math.round(hours * 10) / 10,
            attributes: { task: stepKey.split('.')[1]!, within_sla: hours <= 72 },
          },
        );
      }
    }

    if (rng.chance(profile.escalationRate(stepKey, month))) {
      recordEvent(ctx, where, {
        source: profile.journey === 'claim' ? 'guidewire' : 'genesys',
        type: 'escalation',
        value: null,
        attributes: { reason: rng.pick(ESCALATION_REASONS[stepKey === ASSESSOR ? 'assessor' : profile.journey]) },
      });
    }
  }
}

const ESCALATION_REASONS: Record<JourneyKey | 'assessor', string[]> = {
  assessor: ['assessor_no_show', 'report_overdue', 'visit_rescheduled', 'scope_disputed'],
  claim: ['delay', 'settlement_disputed', 'vulnerable_customer', 'repeat_contact'],
  buy: ['referral_overdue', 'price_changed', 'payment_failed'],
  renew: ['price_complaint', 'auto_renewal_dispute', 'repeat_contact'],
};
