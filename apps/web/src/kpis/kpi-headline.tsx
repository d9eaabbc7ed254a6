import type { KpiDefinition, KpiResults } from '@throughline/domain';
import { formatCount } from '../common/locale-format.ts';
import { KpiChangeText } from './kpi-change-text.tsx';
import { formatKpiInterval, formatKpiValue, formatLatestPeriod } from './kpi-format.ts';
import { KpiStandingFlag, SmallSampleFlag } from './kpi-standing-flag.tsx';

/** The latest value with its interval and standing, and the change since the period before. */
export function KpiHeadline({ kpi, results }: { kpi: KpiDefinition; results: KpiResults }) {
  const latest = results.series.at(-1);
  if (!latest) return null;
  const interval = formatKpiInterval(kpi, latest.ciLow, latest.ciHigh);
  const significant = results.change?.significant ?? false;
  return (
    <section aria-label="Latest value" className="kpi-headline">
      <div className="kpi-headline__value">
        <p className="kpi-headline__label">Latest · {formatLatestPeriod(latest.periodStart, kpi.grain)}</p>
        <p className="kpi-headline__figure">{formatKpiValue(kpi, latest.value)}</p>
        <p className="kpi-headline__interval">
          {interval ? `95% CI ${interval} · ` : ''}n = {formatCount(latest.n)}
          {latest.smallSample ? (
            <>
              {' '}
              <SmallSampleFlag />
            </>
          ) : null}
        </p>
      </div>
      <div className="kpi-headline__goal">
        <KpiStandingFlag kpi={kpi} value={latest.value} />
        <dl className="kpi-headline__facts">
          <div>
            <dt>Target</dt>
            <dd>{kpi.target === null ? 'None' : formatKpiValue(kpi, kpi.target)}</dd>
          </div>
          <div>
            <dt>Warning at</dt>
            <dd>{kpi.threshold === null ? 'None' : formatKpiValue(kpi, kpi.threshold)}</dd>
          </div>
        </dl>
      </div>
      <p className={significant ? 'kpi-headline__change kpi-headline__change--significant' : 'kpi-headline__change'}>
        <KpiChangeText kpi={kpi} results={results} />
      </p>
    </section>
  );
}
