import type { Initiative } from '@throughline/domain';
import { WarningIcon } from '../common/warning-icon.tsx';

/**
 * Whether the promised uplift could be seen at all at the KPI's current volume: the minimum
 * detectable effect in a sentence, and, when the expected uplift is below it, a warning that says
 * so in words under its own heading (not a colour), read before anyone funds it.
 */
export function DetectabilityNote({ initiative: i }: { initiative: Initiative }) {
  if (!i.kpiId) return null;
  const d = i.detectability;
  if (!d) {
    return (
      <div className="detectability" role="note" aria-labelledby="detectability-heading">
        <h3 id="detectability-heading" className="detectability__title">
          Could the uplift be seen?
        </h3>
        <p>{i.kpiName ?? 'The KPI'} has no data yet, so the smallest change the acid test could detect cannot be worked out.</p>
      </div>
    );
  }
  if (d.belowDetectable) {
    return (
      <div className="detectability detectability--below" role="note" aria-labelledby="detectability-heading">
        <WarningIcon />
        <div>
          <h3 id="detectability-heading" className="detectability__title">
            Too small to detect: the expected uplift is below what the acid test can see
          </h3>
          <p>{d.sentence}</p>
          <p className="detectability__advice">
            It may still be worth doing, but the acid test is unlikely to confirm it. A bigger change, or a KPI closer to it with more
            answers, would be measurable.
          </p>
        </div>
      </div>
    );
  }
  return (
    <div className="detectability" role="note" aria-labelledby="detectability-heading">
      <h3 id="detectability-heading" className="detectability__title">
        Could the uplift be seen?
      </h3>
      <p>
        {d.sentence}
        {d.minimumDetectable !== null && i.expectedUplift !== null ? ' The expected uplift is above that.' : ''}
      </p>
    </div>
  );
}
