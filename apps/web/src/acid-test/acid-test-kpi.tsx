import type { AcidTestKpi } from '@throughline/domain';
import { Link } from 'react-router';
import { formatCount, formatDate } from '../common/locale-format.ts';
import { formatKpiInterval, formatKpiValue } from '../kpis/kpi-format.ts';
import { BeforeAfterChart } from './before-after-chart.tsx';
import { MovementBadge } from './movement-badge.tsx';
import { movementMeaning } from './movement-labels.ts';
import { formatDifference, formatDifferenceInterval, formatPValue } from './movement-format.ts';
import type { KpiUnit } from './use-kpi-units.ts';

type Side = AcidTestKpi['before'];

/** "+18.0 (95% CI +11.2 to +24.5), n = 412", or why there is no value. */
function sideText(side: Side, unit: KpiUnit): string {
  if (side.value === null) return `No responses (n = ${formatCount(side.n)})`;
  const interval = formatKpiInterval(unit, side.ciLow, side.ciHigh);
  return `${formatKpiValue(unit, side.value)}${interval ? ` (95% CI ${interval})` : ''}, n = ${formatCount(side.n)}`;
}

/** The difference with its interval and p-value, or what stands in for them. */
export function differenceText(result: AcidTestKpi, unit: KpiUnit): string {
  if (result.difference === null) return result.movement === 'insufficient_data' ? 'Not computed: too little data' : 'Not computed';
  const interval =
    result.differenceLow !== null && result.differenceHigh !== null
      ? ` (95% CI ${formatDifferenceInterval(unit.kind, result.differenceLow, result.differenceHigh)})`
      : '';
  const p = result.pValue !== null ? `, ${formatPValue(result.pValue)}` : '';
  return `${formatDifference(unit.kind, unit.unit, result.difference)}${interval}${p}`;
}

const period = (side: Side) => `${formatDate(side.from)} to ${formatDate(side.to)}`;

/** One targeted KPI before vs after the change: the two values with intervals, the difference, and the verdict. */
export function AcidTestKpiResult({ result, unit }: { result: AcidTestKpi; unit: KpiUnit }) {
  const summary = `${result.kpiName}: before ${sideText(result.before, unit)}; after ${sideText(result.after, unit)}.`;
  return (
    <div className={`acid-kpi acid-kpi--${result.movement}`}>
      <div className="acid-kpi__head">
        <h4 className="acid-kpi__name">
          <Link to={`/kpis/${result.kpiId}`}>{result.kpiName}</Link>
        </h4>
        <MovementBadge movement={result.movement} />
      </div>
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
          <div>
            <dt>Verdict</dt>
            <dd>
              <strong>{verdictSentence(result)}</strong> {movementMeaning(result.movement)}
            </dd>
          </div>
        </dl>
      </div>
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
