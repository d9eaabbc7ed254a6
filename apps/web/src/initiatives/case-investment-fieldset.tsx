import type { KpiDefinition, SystemWithOwner } from '@throughline/domain';
import { CheckListField } from '../common/check-list-field.tsx';
import { CostField } from '../common/cost-field.tsx';
import { formatGbp } from '../common/locale-format.ts';
import { NumberField } from '../common/number-field.tsx';
import { SelectField } from '../common/select-field.tsx';
import type { DraftForm } from '../common/use-draft-form.ts';
import type { CaseForm } from './case-form.ts';
import { FIELD_LABEL } from './initiative-fields.ts';

const CONFIDENCE_OPTIONS = [
  { value: 'low', label: 'Low: a hunch, little evidence' },
  { value: 'medium', label: 'Medium: some evidence or a comparable change' },
  { value: 'high', label: 'High: a pilot or strong evidence' },
] as const;

interface CaseInvestmentFieldsetProps {
  form: DraftForm<CaseForm>;
  kpis: readonly KpiDefinition[];
  systems: readonly SystemWithOwner[];
}

/** What it costs, what it touches, and the uplift it promises on which KPI. */
export function CaseInvestmentFieldset({ form, kpis, systems }: CaseInvestmentFieldsetProps) {
  const { draft, field } = form;
  const kpiOptions = [
    { value: '', label: 'None chosen yet' },
    ...orderKpis(kpis, draft.journeyId).map((k) => ({
      value: k.id,
      label: k.valuePerPoint !== null ? `${k.name} (${formatGbp(k.valuePerPoint)} a point)` : k.name,
    })),
  ];
  const kpi = kpis.find((k) => k.id === draft.kpiId);
  return (
    <fieldset className="case-editor__group">
      <legend>Investment case</legend>
      <div className="case-editor__costs">
        <CostField label={FIELD_LABEL.oneOffBusiness} {...field('oneOffBusiness')} hint="Process, training, people." />
        <CostField label={FIELD_LABEL.oneOffTechnology} {...field('oneOffTechnology')} hint="Build, configuration, licences." />
        <CostField label={FIELD_LABEL.runningBusiness} {...field('runningBusiness')} />
        <CostField label={FIELD_LABEL.runningTechnology} {...field('runningTechnology')} />
      </div>
      <div className="form__row">
        <NumberField label={FIELD_LABEL.itEffortDays} {...field('itEffortDays')} hint="Days of IT work it needs." />
      </div>
      <CheckListField
        legend={FIELD_LABEL.systemIds}
        {...field('systemIds')}
        layout="columns"
        options={systems.map((s) => ({
          value: s.id,
          label: s.name,
          detail: s.ownerTeamName ? `Owned by ${s.ownerTeamName}` : 'No owner team',
        }))}
        hint="A change that touches no system and costs technology nothing is flagged: name what it changes."
        empty="No systems are recorded for the organisation yet."
      />
      <div className="form__row">
        <SelectField
          label={FIELD_LABEL.kpiId}
          options={kpiOptions}
          {...field('kpiId')}
          hint="The KPI the uplift is promised on; its value per point prices the uplift."
        />
        <NumberField
          label={FIELD_LABEL.expectedUplift}
          {...field('expectedUplift')}
          hint={
            kpi
              ? `Points of ${kpi.name}${kpi.direction === 'lower_is_better' ? ' (lower is better: a fall is an improvement)' : ''}.`
              : 'Points of the KPI.'
          }
        />
      </div>
      <div className="form__row">
        <SelectField
          label={FIELD_LABEL.upliftConfidence}
          options={CONFIDENCE_OPTIONS}
          {...field('upliftConfidence')}
          hint="Weights the priority: low 0.3, medium 0.6, high 0.9."
        />
        <NumberField
          label={FIELD_LABEL.valuePerPointOverride}
          {...field('valuePerPointOverride')}
          hint={
            kpi?.valuePerPoint != null
              ? `Leave blank to use ${formatGbp(kpi.valuePerPoint)} a point, entered on ${kpi.name}.`
              : 'Leave blank to use the KPI’s value per point (entered on the KPI or estimated by the value model).'
          }
        />
      </div>
    </fieldset>
  );
}

/** The journey's own KPIs first, then the organisation's, then the rest. */
function orderKpis(kpis: readonly KpiDefinition[], journeyId: string): KpiDefinition[] {
  const rank = (k: KpiDefinition) =>
    k.scope.level !== 'organisation' && k.scope.journeyId === journeyId ? 0 : k.scope.level === 'organisation' ? 1 : 2;
  return [...kpis].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}
