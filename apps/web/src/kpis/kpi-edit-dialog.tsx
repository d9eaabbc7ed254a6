import { useMutation } from '@tanstack/react-query';
import type { KpiDefinition, Team } from '@throughline/domain';
import { useId, useState, type FormEvent } from 'react';
import { issueFor } from '../common/field-issues.ts';
import { FormAlert } from '../common/form-alert.tsx';
import { SelectField } from '../common/select-field.tsx';
import { ModalDialog } from '../operating-model/modal-dialog.tsx';
import { queryClient, trpc } from '../trpc.ts';
import { NumberField, parseOptionalNumber } from '../common/number-field.tsx';

const FIELDS = ['ownerTeamId', 'target', 'threshold'] as const;
const NO_OWNER = '';

interface KpiEditDialogProps {
  kpi: KpiDefinition | null;
  /** The teams this person may hand the KPI to. */
  teams: Team[];
  onClose: () => void;
  onSaved: (message: string) => void;
}

/** Changes who owns a KPI and what it is held to, in a modal over the list. */
export function KpiEditDialog({ kpi, teams, onClose, onSaved }: KpiEditDialogProps) {
  const titleId = useId();
  return (
    <ModalDialog open={kpi !== null} labelledBy={titleId} onClose={onClose}>
      {kpi ? <KpiEditForm key={kpi.id} titleId={titleId} kpi={kpi} teams={teams} onClose={onClose} onSaved={onSaved} /> : null}
    </ModalDialog>
  );
}

function KpiEditForm({ titleId, kpi, teams, onClose, onSaved }: { titleId: string; kpi: KpiDefinition } & Omit<KpiEditDialogProps, 'kpi'>) {
  const alertId = useId();
  const [owner, setOwner] = useState(kpi.ownerTeamId ?? NO_OWNER);
  const [target, setTarget] = useState(kpi.target === null ? '' : String(kpi.target));
  const [threshold, setThreshold] = useState(kpi.threshold === null ? '' : String(kpi.threshold));
  const parsedTarget = parseOptionalNumber(target);
  const parsedThreshold = parseOptionalNumber(threshold);
  const [tried, setTried] = useState(false);

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.kpi.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.operatingModel.health.queryKey() }),
    ]);
  const update = useMutation(
    trpc.kpi.update.mutationOptions({
      // Reported once the list shows the change; a refusal (say, a stale version) refreshes too.
      onSuccess: async () => {
        await refresh();
        onSaved(`Saved “${kpi.name}”.`);
      },
      onError: () => refresh(),
    }),
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTried(true);
    if (parsedTarget === undefined || parsedThreshold === undefined) return;
    const { id, version, key, name, description, unit, kind, source, scope, direction, grain, schedule, valuePerPoint } = kpi;
    update.mutate({ id, version, key, name, description, unit, kind, source, scope, direction, grain, schedule, valuePerPoint, ownerTeamId: owner || null, target: parsedTarget, threshold: parsedThreshold });
  };

  const options = [{ value: NO_OWNER, label: 'No owner team' }, ...teams.map((t) => ({ value: t.id, label: t.name }))];
  const unit = kpi.unit ? ` (${kpi.unit})` : '';

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
