import type { Initiative } from '@throughline/domain';
import { formatOptionalGbp, formatPayback, formatPriority, formatRoi } from './initiative-format.ts';

/** The case's four headline figures, each with the line that says where it comes from. */
export function CaseFigures({ initiative: i }: { initiative: Initiative }) {
  const f = i.figures;
  return (
    <dl className="figures case-figures" aria-label="Investment figures">
      <div className="figure">
        <dt className="figure__label">Annual value</dt>
        <dd className={valueClass(f.annualValue)}>{formatOptionalGbp(f.annualValue)}</dd>
        <dd className="figure__note">
          {f.annualValue !== null && i.expectedUplift !== null && f.valuePerPoint !== null
            ? `${i.expectedUplift} points × ${formatOptionalGbp(f.valuePerPoint)} a point`
            : 'Needs an expected uplift on a KPI with a value per point'}
        </dd>
      </div>
      <div className="figure">
        <dt className="figure__label">ROI over three years</dt>
        <dd className={valueClass(f.roi)}>{formatRoi(f.roi)}</dd>
        <dd className="figure__note">(3 years of value − cost) ÷ cost</dd>
      </div>
      <div className="figure">
        <dt className="figure__label">Payback</dt>
        <dd className={`figure__value figure__value--text${f.paybackMonths === null ? ' figure__value--unknown' : ''}`}>
          {formatPayback(f.paybackMonths, f.annualValue, true)}
        </dd>
        <dd className="figure__note">
          {f.paybackMonths === null && f.annualValue !== null
            ? 'Running costs exceed the value it returns'
            : 'One-off cost ÷ monthly net value'}
        </dd>
      </div>
      <div className="figure">
        <dt className="figure__label">Priority</dt>
        <dd className={valueClass(f.priority)}>{formatPriority(f.priority)}</dd>
        <dd className="figure__note">£ back per £1, weighted for confidence</dd>
      </div>
    </dl>
  );
}

/** A figure not known yet reads as words, smaller and quieter than a number. */
function valueClass(value: number | null): string {
  return value === null ? 'figure__value figure__value--text figure__value--unknown' : 'figure__value';
}
