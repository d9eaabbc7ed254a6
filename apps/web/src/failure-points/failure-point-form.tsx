import { useMutation, useQuery } from '@tanstack/react-query';
import {
  annualCostOfFailure,
  failureGap,
  type FailurePoint,
  type FailurePointInput,
  type FrequencyPeriod,
  type KpiDefinition,
} from '@throughline/domain';
import { useState, type FormEvent } from 'react';
import { CheckListField } from '../common/check-list-field.tsx';
import { FieldFrame } from '../common/field-frame.tsx';
import { issueFor, issueForList } from '../common/field-issues.ts';
import { formatGbp } from '../common/locale-format.ts';
import { SelectField } from '../common/select-field.tsx';
import { TextAreaField } from '../common/text-area-field.tsx';
import { TextField } from '../common/text-field.tsx';
import { NumberField, parseOptionalNumber } from '../common/number-field.tsx';
import { trpc } from '../trpc.ts';
import { DialogForm } from '../common/dialog-form.tsx';
import { COST_BASIS_OPTIONS, PERIOD_OPTIONS, costSentence } from './failure-point-format.ts';

const FIELDS = ['journeyId', 'stepId', 'title', 'description', 'expectation', 'capability', 'frequency', 'frequencyPeriod', 'costBasis', 'unitCost', 'kpiIds'] as const;

const RATINGS = [
  { value: '1', label: '1 · Poor' },
  { value: '2', label: '2' },
  { value: '3', label: '3 · Adequate' },
  { value: '4', label: '4' },
  { value: '5', label: '5 · Excellent' },
] as const;
type Rating = (typeof RATINGS)[number]['value'];

interface Draft {
  journeyId: string;
  stepId: string;
  title: string;
  description: string;
  expectation: Rating;
  capability: Rating;
  frequency: string;
  frequencyPeriod: FrequencyPeriod;
  costBasis: FailurePoint['costBasis'];
  unitCost: string;
  kpiIds: string[];
}

function draftOf(point: FailurePoint | null, journeyId: string): Draft {
  if (!point) {
    return { journeyId, stepId: '', title: '', description: '', expectation: '4', capability: '2', frequency: '', frequencyPeriod: 'month', costBasis: 'contact', unitCost: '', kpiIds: [] };
  }
  return {
    journeyId: point.journeyId,
    stepId: point.stepId,
    title: point.title,
    description: point.description,
    expectation: String(point.expectation) as Rating,
    capability: String(point.capability) as Rating,
    frequency: String(point.frequency),
    frequencyPeriod: point.frequencyPeriod,
    costBasis: point.costBasis,
    unitCost: String(point.unitCost),
    kpiIds: point.kpiIds,
  };
}

/** The KPIs that can measure a failure on this journey: its own and the organisation-wide ones. */
function kpisFor(kpis: readonly KpiDefinition[], journeyId: string): KpiDefinition[] {
  return kpis.filter((k) => k.scope.level === 'organisation' || k.scope.journeyId === journeyId);
}

interface FailurePointFormProps {
  titleId: string;
  point: FailurePoint | null;
  /** The journey a new failure point starts on, e.g. the one the page is filtered to. */
  startJourneyId: string;
  onClose: () => void;
  onSaved: (point: FailurePoint, message: string) => void;
}

/** Records a failure on a blueprint step with how often it happens and what each occurrence costs. */
export function FailurePointForm({ titleId, point, startJourneyId, onClose, onSaved }: FailurePointFormProps) {
  const [draft, setDraft] = useState(() => draftOf(point, startJourneyId));
  const [tried, setTried] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const journeys = useQuery(trpc.journey.list.queryOptions());
  const journey = useQuery({ ...trpc.journey.get.queryOptions({ id: draft.journeyId }), enabled: draft.journeyId !== '' });
  const kpis = useQuery(trpc.kpi.list.queryOptions());

  const onSuccess = (saved: FailurePoint) => {
    onSaved(saved, point ? `Saved “${saved.title}”: ${formatGbp(saved.annualCost)} a year.` : `Added “${saved.title}”: ${formatGbp(saved.annualCost)} a year.`);
  };
  const create = useMutation(trpc.failurePoint.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.failurePoint.update.mutationOptions({ onSuccess }));
  const saving = create.isPending || update.isPending;
  const error = point ? update.error : create.error;

  const frequency = parseOptionalNumber(draft.frequency);
  const unitCost = parseOptionalNumber(draft.unitCost);
  const numberIssue = (value: number | null | undefined) => (!tried ? undefined : value === undefined ? 'must be a number' : value === null ? 'is required' : undefined);
  const preview =
    typeof frequency === 'number' && typeof unitCost === 'number' && frequency >= 0 && unitCost >= 0
      ? costSentence({ frequency, frequencyPeriod: draft.frequencyPeriod, costBasis: draft.costBasis, unitCost, annualCost: annualCostOfFailure({ frequency, frequencyPeriod: draft.frequencyPeriod, unitCost }) })
      : null;
  const gap = failureGap({ expectation: Number(draft.expectation), capability: Number(draft.capability) });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTried(true);
    if (typeof frequency !== 'number' || typeof unitCost !== 'number') return;
    const input: FailurePointInput = {
      journeyId: draft.journeyId,
      stepId: draft.stepId,
      title: draft.title,
      description: draft.description,
      expectation: Number(draft.expectation),
      capability: Number(draft.capability),
      frequency,
      frequencyPeriod: draft.frequencyPeriod,
      costBasis: draft.costBasis,
      unitCost,
      kpiIds: draft.kpiIds,
    };
    if (point) update.mutate({ ...input, id: point.id, version: point.version });
    else create.mutate(input);
  };

  const kpiOptions = kpisFor(kpis.data ?? [], draft.journeyId)
    .concat((kpis.data ?? []).filter((k) => draft.kpiIds.includes(k.id) && k.scope.level !== 'organisation' && k.scope.journeyId !== draft.journeyId))
    .map((k) => ({ value: k.id, label: k.name, detail: k.scope.level === 'organisation' ? 'whole organisation' : undefined }));

  return (
    <DialogForm
      className="fp-form"
      titleId={titleId}
      title={point ? 'Edit failure point' : 'Add a failure point'}
      error={error}
      fields={FIELDS}
      onSubmit={submit}
      saving={saving}
      submitLabel={point ? 'Save' : 'Add failure point'}
      onCancel={onClose}
    >
      <div className="form__row">
        <SelectField
          label="Journey"
          name="journeyId"
          value={draft.journeyId}
          options={[{ value: '', label: 'Choose a journey' }, ...(journeys.data ?? []).map((j) => ({ value: j.id, label: j.name }))]}
          // A step belongs to one journey: choosing another starts the step afresh.
          onChange={(v) => setDraft((d) => ({ ...d, journeyId: v, stepId: '' }))}
          issue={issueFor(error, 'journeyId')}
        />
        <FieldFrame label="Step" issue={issueFor(error, 'stepId')} hint={draft.journeyId ? undefined : 'Choose the journey first.'}>
          {(control) => (
            <select {...control} name="stepId" value={draft.stepId} disabled={!journey.data} onChange={(e) => set('stepId', e.target.value)}>
              <option value="">{journey.isFetching ? 'Loading the steps…' : 'Choose a step'}</option>
              {journey.data?.stages.map((stage) => (
                <optgroup key={stage.id} label={stage.name}>
                  {stage.steps.map((step) => (
                    <option key={step.id} value={step.id}>
                      {step.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          )}
        </FieldFrame>
      </div>
      <TextField label="Title" name="title" value={draft.title} onChange={(v) => set('title', v)} issue={issueFor(error, 'title')} hint="What goes wrong, as customers would say it." />
      <TextAreaField label="Description" name="description" required={false} rows={3} value={draft.description} onChange={(v) => set('description', v)} issue={issueFor(error, 'description')} />
      <div className="form__row">
        <SelectField
          label="Customer expectation"
          name="expectation"
          value={draft.expectation}
          options={RATINGS}
          onChange={(v) => set('expectation', v)}
          issue={issueFor(error, 'expectation')}
          hint="What customers expect at this step, 1 to 5."
        />
        <SelectField
          label="Operational capability"
          name="capability"
          value={draft.capability}
          options={RATINGS}
          onChange={(v) => set('capability', v)}
          issue={issueFor(error, 'capability')}
          hint={`What operations deliver today. Gap: ${gap}.`}
        />
      </div>
      <div className="form__row">
        <NumberField
          label="How often"
          name="frequency"
          value={draft.frequency}
          onChange={(v) => set('frequency', v)}
          issue={numberIssue(frequency) ?? issueFor(error, 'frequency')}
        />
        <SelectField label="Per" name="frequencyPeriod" value={draft.frequencyPeriod} options={PERIOD_OPTIONS} onChange={(v) => set('frequencyPeriod', v)} issue={issueFor(error, 'frequencyPeriod')} />
      </div>
      <div className="form__row">
        <SelectField
          label="Each occurrence is a"
          name="costBasis"
          value={draft.costBasis}
          options={COST_BASIS_OPTIONS}
          onChange={(v) => set('costBasis', v)}
          issue={issueFor(error, 'costBasis')}
        />
        <NumberField
          label="Unit cost (£)"
          name="unitCost"
          value={draft.unitCost}
          onChange={(v) => set('unitCost', v)}
          issue={numberIssue(unitCost) ?? issueFor(error, 'unitCost')}
          hint="What one occurrence costs, e.g. 6.50 for a call."
        />
      </div>
      <p className="dialog-form__preview" aria-live="polite">
        {preview ?? 'Enter how often it happens and what each occurrence costs to see its annual cost.'}
      </p>
      <CheckListField
        layout="framed"
        legend="KPIs it moves"
        options={kpiOptions}
        value={draft.kpiIds}
        onChange={(ids) => set('kpiIds', ids)}
        issue={issueForList(error, 'kpiIds')}
        hint="The journey’s KPIs and the organisation-wide ones."
        empty={draft.journeyId ? 'No KPIs measure this journey yet.' : 'Choose a journey to pick its KPIs.'}
      />
    </DialogForm>
  );
}
