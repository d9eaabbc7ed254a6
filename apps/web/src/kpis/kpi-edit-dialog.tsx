import { useMutation, useQuery } from '@tanstack/react-query';
import { isSampled, sampleNoun, valueDivergence, ZKpiUpdateInput, type KpiDefinition, type Team } from '@throughline/domain';
import { useId } from 'react';
import type { FieldIssue } from '../common/field-issues.ts';
import { FormAlert } from '../common/form-alert.tsx';
import { formatGbp } from '../common/locale-format.ts';
import { NumberField, parseOptionalNumber } from '../common/number-field.tsx';
import { SelectField } from '../common/select-field.tsx';
import { TextAreaField } from '../common/text-area-field.tsx';
import { ModalDialog } from '../common/modal-dialog.tsx';
import { SubmitButton } from '../common/submit-button.tsx';
import { useDraftForm } from '../common/use-draft-form.ts';
import { trpc } from '../trpc.ts';

const NO_OWNER = '';

interface KpiEditDialogProps {
  kpi: KpiDefinition | null;
  /** The teams this person may hand the KPI to. */
  teams: Team[];
  onClose: () => void;
  onSaved: (message: string) => void;
}

/** Changes who owns a KPI, what it is held to, its minimum sample and its value per point, in a modal over the list. */
export function KpiEditDialog({ kpi, teams, onClose, onSaved }: KpiEditDialogProps) {
  const titleId = useId();
  return (
    <ModalDialog open={kpi !== null} labelledBy={titleId} onClose={onClose}>
      {kpi ? <KpiEditForm key={kpi.id} titleId={titleId} kpi={kpi} teams={teams} onClose={onClose} onSaved={onSaved} /> : null}
    </ModalDialog>
  );
}

/** A whole number of at least 2, or undefined. */
function parseMinSample(value: string): number | undefined {
  const n = parseOptionalNumber(value);
  return typeof n === 'number' && Number.isInteger(n) && n >= 2 ? n : undefined;
}

interface Draft {
  ownerTeamId: string;
  target: string;
  threshold: string;
  minSample: string;
  valuePerPoint: string;
  valuePerPointReason: string;
}

const typed = (n: number | null) => (n === null ? '' : String(n));

function draftOf(kpi: KpiDefinition): Draft {
  return {
    ownerTeamId: kpi.ownerTeamId ?? NO_OWNER,
    target: typed(kpi.target),
    threshold: typed(kpi.threshold),
    minSample: String(kpi.minSample),
    valuePerPoint: typed(kpi.valuePerPoint),
    valuePerPointReason: kpi.valuePerPointReason ?? '',
  };
}

/** Figures typed as something other than a number, by field. */
function numberIssues(draft: Draft): FieldIssue[] {
  const notNumbers = (['target', 'threshold', 'valuePerPoint'] as const)
    .filter((path) => parseOptionalNumber(draft[path]) === undefined)
    .map((path) => ({ path, message: 'must be a number' }));
  return parseMinSample(draft.minSample) === undefined
    ? [...notNumbers, { path: 'minSample', message: 'must be a whole number, 2 or more' }]
    : notNumbers;
}

function KpiEditForm({ titleId, kpi, teams, onClose, onSaved }: { titleId: string; kpi: KpiDefinition } & Omit<KpiEditDialogProps, 'kpi'>) {
  const alertId = useId();
  // The model's estimate, to say before saving whether a typed value lies outside its interval.
  const model = useQuery(trpc.value.kpi.queryOptions({ kpiId: kpi.id }));
  const estimate = model.data?.choice?.estimate;

  const update = useMutation(
    trpc.kpi.update.mutationOptions({
      // Reported once the pages on screen show the change (trpc.ts refreshes them first).
      onSuccess: () => onSaved(`Saved “${kpi.name}”.`),
    }),
  );
  const form = useDraftForm({
    initial: () => draftOf(kpi),
    toInput: (draft) => {
      const { id, version, key, name, description, unit, kind, source, scope, direction, grain, schedule } = kpi;
      const valuePerPoint = parseOptionalNumber(draft.valuePerPoint) ?? null;
      return {
        id,
        version,
        key,
        name,
        description,
        unit,
        kind,
        source,
        scope,
        direction,
        grain,
        schedule,
        ownerTeamId: draft.ownerTeamId || null,
        target: parseOptionalNumber(draft.target) ?? null,
        threshold: parseOptionalNumber(draft.threshold) ?? null,
        minSample: parseMinSample(draft.minSample) ?? kpi.minSample,
        valuePerPoint,
        valuePerPointReason: valuePerPoint === null ? null : draft.valuePerPointReason.trim() || null,
      };
    },
    check: numberIssues,
    schema: ZKpiUpdateInput,
    submit: (input) => update.mutateAsync(input),
  });
  const { draft, field } = form;
  const parsedValue = parseOptionalNumber(draft.valuePerPoint);
  const divergence = typeof parsedValue === 'number' && model.data ? valueDivergence(parsedValue, model.data.estimates) : null;

  const changeValue = (next: string) =>
    // A reason given for one value does not carry over to another.
    form.update((d) => ({
      ...d,
      valuePerPoint: next,
      valuePerPointReason: d.valuePerPointReason === (kpi.valuePerPointReason ?? '') ? '' : d.valuePerPointReason,
    }));

  const options = [{ value: NO_OWNER, label: 'No owner team' }, ...teams.map((t) => ({ value: t.id, label: t.name }))];
  const unit = kpi.unit ? ` (${kpi.unit})` : '';
  const noun = sampleNoun(kpi);

  return (
    <form className="form kpi-edit" {...form.formProps} aria-describedby={form.error ? alertId : undefined} noValidate>
      <h2 id={titleId} className="kpi-edit__title">
        {kpi.name} <code className="kpis-table__key">{kpi.key}</code>
      </h2>
      <FormAlert id={alertId} error={form.error} fields={form.fields} />
      <SelectField label="Owner team" options={options} {...field('ownerTeamId')} hint="The team that answers for this KPI." />
      <div className="form__row">
        <NumberField
          label={`Target${unit}`}
          {...field('target')}
          hint={
            kpi.direction === 'higher_is_better'
              ? 'Higher is better. Leave blank for no target.'
              : 'Lower is better. Leave blank for no target.'
          }
        />
        <NumberField label={`Warning at${unit}`} {...field('threshold')} hint="An alert is raised past this value. Optional." />
      </div>
      <NumberField
        label="Minimum sample"
        {...field('minSample')}
        hint={
          isSampled(kpi.kind)
            ? `Below this many ${noun} a period is shown with its interval and n, but with no status, significance, alert or value at stake.`
            : `A ${kpi.kind} counts every event, so it is judged at any size.`
        }
      />
      <NumberField
        label="Value per point (£ a year)"
        {...field('valuePerPoint')}
        onChange={changeValue}
        hint={
          <>
            Leave blank to use the value model’s estimate.
            {estimate
              ? ` The model estimates ${formatGbp(estimate.valuePerPoint)} a point (95% interval ${formatGbp(estimate.ciLow)} to ${formatGbp(estimate.ciHigh)}).`
              : ''}
          </>
        }
      />
      {parsedValue !== null ? (
        <TextAreaField
          label="Why this value stands"
          {...field('valuePerPointReason')}
          required={divergence !== null}
          hint={
            divergence
              ? `${formatGbp(divergence.entered)} lies outside the value model’s 95% interval: say where it comes from. It is kept with the KPI and in the audit log.`
              : 'Needed only when the value lies outside the value model’s 95% interval.'
          }
        />
      ) : null}
      <div className="kpi-edit__buttons">
        <SubmitButton label="Save" pending={form.submitting} />
        <button type="button" className="button button--secondary" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
