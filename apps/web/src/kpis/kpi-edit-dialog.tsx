import { useMutation, useQuery } from '@tanstack/react-query';
import { isSampled, sampleNoun, valueDivergence, type KpiDefinition, type Team } from '@throughline/domain';
import { useId, useState, type FormEvent } from 'react';
import { issueFor } from '../common/field-issues.ts';
import { FormAlert } from '../common/form-alert.tsx';
import { formatGbp } from '../common/locale-format.ts';
import { NumberField, parseOptionalNumber } from '../common/number-field.tsx';
import { SelectField } from '../common/select-field.tsx';
import { TextAreaField } from '../common/text-area-field.tsx';
import { ModalDialog } from '../common/modal-dialog.tsx';
import { trpc } from '../trpc.ts';

const FIELDS = ['ownerTeamId', 'target', 'threshold', 'minSample', 'valuePerPoint', 'valuePerPointReason'] as const;
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

function KpiEditForm({ titleId, kpi, teams, onClose, onSaved }: { titleId: string; kpi: KpiDefinition } & Omit<KpiEditDialogProps, 'kpi'>) {
  const alertId = useId();
  const [owner, setOwner] = useState(kpi.ownerTeamId ?? NO_OWNER);
  const [target, setTarget] = useState(kpi.target === null ? '' : String(kpi.target));
  const [threshold, setThreshold] = useState(kpi.threshold === null ? '' : String(kpi.threshold));
  const [minSample, setMinSample] = useState(String(kpi.minSample));
  const [valuePerPoint, setValuePerPoint] = useState(kpi.valuePerPoint === null ? '' : String(kpi.valuePerPoint));
  const [reason, setReason] = useState(kpi.valuePerPointReason ?? '');
  const parsedTarget = parseOptionalNumber(target);
  const parsedThreshold = parseOptionalNumber(threshold);
  const parsedMinSample = parseMinSample(minSample);
  const parsedValue = parseOptionalNumber(valuePerPoint);
  const [tried, setTried] = useState(false);
  // The model's estimate, to say before saving whether a typed value lies outside its interval.
  const model = useQuery(trpc.value.kpi.queryOptions({ kpiId: kpi.id }));
  const estimate = model.data?.choice?.estimate;
  const divergence = typeof parsedValue === 'number' && model.data ? valueDivergence(parsedValue, model.data.estimates) : null;

  const update = useMutation(
    trpc.kpi.update.mutationOptions({
      // Reported once the list shows the change (the mutation cache refreshes first).
      onSuccess: () => onSaved(`Saved “${kpi.name}”.`),
    }),
  );

  const changeValue = (next: string) => {
    setValuePerPoint(next);
    // A reason given for one value does not carry over to another.
    if (reason === (kpi.valuePerPointReason ?? '')) setReason('');
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTried(true);
    if (parsedTarget === undefined || parsedThreshold === undefined || parsedMinSample === undefined || parsedValue === undefined) return;
    const { id, version, key, name, description, unit, kind, source, scope, direction, grain, schedule } = kpi;
    update.mutate({
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
      ownerTeamId: owner || null,
      target: parsedTarget,
      threshold: parsedThreshold,
      minSample: parsedMinSample,
      valuePerPoint: parsedValue,
      valuePerPointReason: parsedValue === null ? null : reason.trim() || null,
    });
  };

  const options = [{ value: NO_OWNER, label: 'No owner team' }, ...teams.map((t) => ({ value: t.id, label: t.name }))];
  const unit = kpi.unit ? ` (${kpi.unit})` : '';
  const noun = sampleNoun(kpi);

  return (
    <form className="form kpi-edit" onSubmit={submit} aria-describedby={update.isError ? alertId : undefined} noValidate>
      <h2 id={titleId} className="kpi-edit__title">
        {kpi.name} <code className="kpis-table__key">{kpi.key}</code>
      </h2>
      <FormAlert id={alertId} error={update.error} fields={FIELDS} />
      <SelectField label="Owner team" name="ownerTeamId" value={owner} options={options} onChange={setOwner} issue={issueFor(update.error, 'ownerTeamId')} hint="The team that answers for this KPI." />
      <div className="form__row">
        <NumberField
          label={`Target${unit}`}
          name="target"
          value={target}
          onChange={setTarget}
          issue={(tried && parsedTarget === undefined ? 'must be a number' : undefined) ?? issueFor(update.error, 'target')}
          hint={kpi.direction === 'higher_is_better' ? 'Higher is better. Leave blank for no target.' : 'Lower is better. Leave blank for no target.'}
        />
        <NumberField
          label={`Warning at${unit}`}
          name="threshold"
          value={threshold}
          onChange={setThreshold}
          issue={(tried && parsedThreshold === undefined ? 'must be a number' : undefined) ?? issueFor(update.error, 'threshold')}
          hint="An alert is raised past this value. Optional."
        />
      </div>
      <NumberField
        label="Minimum sample"
        name="minSample"
        value={minSample}
        onChange={setMinSample}
        issue={(tried && parsedMinSample === undefined ? 'must be a whole number, 2 or more' : undefined) ?? issueFor(update.error, 'minSample')}
        hint={
          isSampled(kpi.kind)
            ? `Below this many ${noun} a period is shown with its interval and n, but with no status, significance, alert or value at stake.`
            : `A ${kpi.kind} counts every event, so it is judged at any size.`
        }
      />
      <NumberField
        label="Value per point (£ a year)"
        name="valuePerPoint"
        value={valuePerPoint}
        onChange={changeValue}
        issue={(tried && parsedValue === undefined ? 'must be a number' : undefined) ?? issueFor(update.error, 'valuePerPoint')}
        hint={
          <>
            Leave blank to use the value model’s estimate.
            {estimate ? ` The model estimates ${formatGbp(estimate.valuePerPoint)} a point (95% interval ${formatGbp(estimate.ciLow)} to ${formatGbp(estimate.ciHigh)}).` : ''}
          </>
        }
      />
      {parsedValue !== null ? (
        <TextAreaField
          label="Why this value stands"
          name="valuePerPointReason"
          value={reason}
          onChange={setReason}
          required={divergence !== null}
          issue={issueFor(update.error, 'valuePerPointReason')}
          hint={
            divergence
              ? `${formatGbp(divergence.entered)} lies outside the value model’s 95% interval: say where it comes from. It is kept with the KPI and in the audit log.`
              : 'Needed only when the value lies outside the value model’s 95% interval.'
          }
        />
      ) : null}
      <div className="kpi-edit__buttons">
        <button type="submit" className="button button--primary" disabled={update.isPending} aria-busy={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
