import type { KpiDefinition, KpiResults } from '@throughline/domain';
import { formatCount } from '../common/locale-format.ts';
import { KpiChangeText } from './kpi-change-text.tsx';
import { formatKpiInterval, formatKpiValue } from './kpi-format.ts';
import { KpiStatusFlag } from './kpi-status-flag.tsx';
import { headlineLabel, toDateText } from './kpi-to-date.ts';

/**
 * The selected window's value (the last complete period unless another was chosen) with its
 * interval, n and status; the period still running beside it as "to date"; and the change from
 * the window before with its test.
 */
export function KpiHeadline({ kpi, results }: { kpi: KpiDefinition; results: KpiResults }) {
  const { headline, toDate, change } = results;
  const value = headline.value;
  const interval = value ? formatKpiInterval(kpi, value.ciLow, value.ciHigh) : null;
  return (
    <section aria-label="Headline" className={`kpi-headline kpi-headline--${headline.status}`}>
      <div className="kpi-headline__value">
        <p className="kpi-headline__label">{headlineLabel(headline)}</p>
        {value ? (
          <>
            <p className="kpi-headline__figure">{formatKpiValue(kpi, value.value)}</p>
            <p className="kpi-headline__interval">
              {interval ? `95% CI ${interval} · ` : ''}n = {formatCount(value.n)}
            </p>
          </>
        ) : (
          <p className="kpi-headline__figure kpi-headline__figure--none">No answers</p>
        )}
        {toDate ? <p className="kpi-headline__to-date">{toDateText(kpi, toDate)}</p> : null}
      </div>
      <div className="kpi-headline__goal">
        <KpiStatusFlag status={headline.status} label={headline.statusLabel} />
        <dl className="kpi-headline__facts">
          <div>
            <dt>Target</dt>
            <dd>{kpi.target === null ? 'None' : formatKpiValue(kpi, kpi.target)}</dd>
          </div>
          <div>
            <dt>Warning at</dt>
            <dd>{kpi.threshold === null ? 'None' : formatKpiValue(kpi, kpi.threshold)}</dd>
          </div>
          <div>
            <dt>Minimum sample</dt>
            <dd>n = {formatCount(kpi.minSample)}</dd>
          </div>
        </dl>
      </div>
      <p className={change?.significant ? 'kpi-headline__change kpi-headline__change--significant' : 'kpi-headline__change'}>
        <KpiChangeText results={results} />
      </p>
    </section>
  );
}
