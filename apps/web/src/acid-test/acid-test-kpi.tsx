import type { AcidTestKpi } from '@throughline/domain';
import { Link } from 'react-router';
import { formatCount, formatDate } from '../common/locale-format.ts';
import { formatKpiInterval, formatKpiValue } from '../kpis/kpi-format.ts';
import { BeforeAfterChart } from './before-after-chart.tsx';
import { CounterfactualChart } from './counterfactual-chart.tsx';
import { evidenceChart } from './counterfactual-series.ts';
import { EstimatesTable } from './estimates-table.tsx';
import { ItsModelNote } from './its-model-note.tsx';
import { MovementBadge } from './movement-badge.tsx';
import { movementMeaning } from './movement-labels.ts';
import { formatDifference, formatDifferenceInterval, formatPValue } from './movement-format.ts';
import { PreTrendCheck, WaveEffects } from './pre-trend-check.tsx';
import type { KpiUnit } from './use-kpi-units.ts';

type Side = AcidTestKpi['before'];

/** "+18.0 (95% CI +11.2 to +24.5), n = 412", or why there is no value. */
function sideText(side: Side, unit: KpiUnit): string {
  if (side.value === null) return `No responses (n = ${formatCount(side.n)})`;
  const interval = formatKpiInterval(unit, side.ciLow, side.ciHigh);
  return `${formatKpiValue(unit, side.value)}${interval ? ` (95% CI ${interval})` : ''}, n = ${formatCount(side.n)}`;
}

/** The naive difference with its interval and p-value, or what stands in for them. */
function differenceText(result: AcidTestKpi, unit: KpiUnit): string {
  if (result.difference === null) return 'Not computed: too little data';
  const interval =
    result.differenceLow !== null && result.differenceHigh !== null
      ? ` (95% CI ${formatDifferenceInterval(unit.kind, result.differenceLow, result.differenceHigh)})`
      : '';
  const p = result.pValue !== null ? `, ${formatPValue(result.pValue)}` : '';
  return `${formatDifference(unit.kind, unit.unit, result.difference)}${interval}${p}`;
}

const period = (side: Side) => `${formatDate(side.from)} to ${formatDate(side.to)}`;

/**
 * One targeted KPI: the verdict and the design that gave it, the three estimates side by side,
 * the deciding design's observed-against-counterfactual chart (with the pre-trend check for a
 * difference in differences), and the naive before vs after kept for reference.
 */
export function AcidTestKpiResult({ result, unit }: { result: AcidTestKpi; unit: KpiUnit }) {
  const evidence = evidenceChart(result);
  const did = result.differenceInDifferences;
  const its = result.interruptedTimeSeries;
  const naiveDecides = result.design === 'before_after';
  const summary = `${result.kpiName}: before ${sideText(result.before, unit)}; after ${sideText(result.after, unit)}.`;
  return (
    <div className={`acid-kpi acid-kpi--${result.movement}`}>
      <div className="acid-kpi__head">
        <h4 className="acid-kpi__name">
          <Link to={`/kpis/${result.kpiId}`}>{result.kpiName}</Link>
        </h4>
        <MovementBadge movement={result.movement} />
      </div>
      <p className="acid-kpi__verdict">
        <strong>{verdictSentence(result)}</strong> {movementMeaning(result.movement)}
      </p>
      <p className="acid-kpi__decided">
        <span className="acid-kpi__decided-label">Decided by:</span> {result.designReason}
      </p>
      <EstimatesTable result={result} unit={unit} />
      {evidence ? (
        <div className="acid-kpi__evidence">
          <CounterfactualChart kpiName={result.kpiName} chart={evidence.chart} decides={evidence.decides} unit={unit} />
          {evidence.chart.design === 'difference_in_differences' && did ? <PreTrendCheck did={did} unit={unit} /> : null}
          {evidence.chart.design === 'interrupted_time_series' && its ? <ItsModelNote its={its} unit={unit} /> : null}
        </div>
      ) : null}
      {evidence?.chart.design === 'difference_in_differences' && did ? <WaveEffects did={did} unit={unit} /> : null}
      <section className="acid-kpi__reference" aria-label={`${result.kpiName} before vs after${naiveDecides ? '' : ', for reference'}`}>
        <h5 className="acid-kpi__reference-title">
          {naiveDecides
            ? 'Before vs after, which decided the verdict: nothing is allowed for the season'
            : 'For reference: before vs after, with nothing allowed for the season'}
        </h5>
        <div className="acid-kpi__body">
          <BeforeAfterChart result={result} unit={unit} summary={summary} />
          <dl className="acid-kpi__facts">
            <div>
              <dt>
                Before <span className="muted">· {period(result.before)}</span>
              </dt>
              <dd>{sideText(result.before, unit)}</dd>
            </div>
            <div>
              <dt>
                After <span className="muted">· {period(result.after)}</span>
              </dt>
              <dd>{sideText(result.after, unit)}</dd>
            </div>
            <div>
              <dt>Difference</dt>
              <dd className="acid-kpi__difference">{differenceText(result, unit)}</dd>
            </div>
          </dl>
        </div>
      </section>
    </div>
  );
}

/** The verdict as a sentence about this KPI: "Renewal NPS improved." */
function verdictSentence(result: AcidTestKpi): string {
  switch (result.movement) {
    case 'improved':
      return `${result.kpiName} improved.`;
    case 'worsened':
      return `${result.kpiName} got worse.`;
    case 'no_measurable_movement':
      return `No measurable movement in ${result.kpiName}.`;
    case 'insufficient_data':
      return `Insufficient data to judge ${result.kpiName}.`;
    case 'not_testable':
      return `${result.kpiName} is not testable.`;
  }
}
