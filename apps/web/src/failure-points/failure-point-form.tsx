import { useMutation, useQuery } from '@tanstack/react-query';
import {
  annualCostOfFailure,
  failureGap,
  ZFailurePointInput,
  type FailurePoint,
  type FailurePointInput,
  type FrequencyPeriod,
  type KpiDefinition,
} from '@throughline/domain';
import { CheckListField } from '../common/check-list-field.tsx';
import type { FieldIssue } from '../common/field-issues.ts';
import { formatGbp } from '../common/locale-format.ts';
import { SelectField } from '../common/select-field.tsx';
import { TextAreaField } from '../common/text-area-field.tsx';
import { TextField } from '../common/text-field.tsx';
import { NumberField, parseOptionalNumber } from '../common/number-field.tsx';
import { trpc } from '../trpc.ts';
import { DialogForm } from '../common/dialog-form.tsx';
import { useDraftForm } from '../common/use-draft-form.ts';
import { COST_BASIS_OPTIONS, PERIOD_OPTIONS, costSentence } from './failure-point-format.ts';

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
    return {
      journeyId,
      stepId: '',
      title: '',
      description: '',
      expectation: '4',
      capability: '2',
      frequency: '',
      frequencyPeriod: 'month',
      costBasis: 'contact',
      unitCost: '',
      kpiIds: [],
    };
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

/** The call's input; a count or cost that is not a number is faulted by `numberIssues` first. */
function inputOf(draft: Draft): FailurePointInput {
  return {
    ...draft,
    expectation: Number(draft.expectation),
    capability: Number(draft.capability),
    frequency: parseOptionalNumber(draft.frequency) ?? 0,
    unitCost: parseOptionalNumber(draft.unitCost) ?? 0,
  };
}

function numberIssues(draft: Draft): FieldIssue[] {
  return (['frequency', 'unitCost'] as const).flatMap((path) => {
    const value = parseOptionalNumber(draft[path]);
    return value === undefined ? [{ path, message: 'must be a number' }] : value === null ? [{ path, message: 'is required' }] : [];
  });
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
  const onSuccess = async (saved: FailurePoint) => {
    onSaved(
      saved,
      point
        ? `Saved “${saved.title}”: ${formatGbp(saved.annualCost)} a year.`
        : `Added “${saved.title}”: ${formatGbp(saved.annualCost)} a year.`,
    );
  };
  const create = useMutation(trpc.failurePoint.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.failurePoint.update.mutationOptions({ onSuccess }));
  const form = useDraftForm({
    initial: () => draftOf(point, startJourneyId),
    toInput: inputOf,
    check: numberIssues,
    schema: ZFailurePointInput,
    submit: (input) => (point ? update.mutateAsync({ ...input, id: point.id, version: point.version }) : create.mutateAsync(input)),
  });
  const { draft, field } = form;

  const journeys = useQuery(trpc.journey.list.queryOptions());
  const journey = useQuery({ ...trpc.journey.get.queryOptions({ id: draft.journeyId }), enabled: draft.journeyId !== '' });
  const kpis = useQuery(trpc.kpi.list.queryOptions());

  const frequency = parseOptionalNumber(draft.frequency);
  const unitCost = parseOptionalNumber(draft.unitCost);
  const preview =
    typeof frequency === 'number' && typeof unitCost === 'number' && frequency >= 0 && unitCost >= 0
      ? costSentence({
          frequency,
          frequencyPeriod: draft.frequencyPeriod,
          costBasis: draft.costBasis,
          unitCost,
          annualCost: annualCostOfFailure({ frequency, frequencyPeriod: draft.frequencyPeriod, unitCost }),
        })
      : null;
  const gap = failureGap({ expectation: Number(draft.expectation), capability: Number(draft.capability) });

  const kpiOptions = kpisFor(kpis.data ?? [], draft.journeyId)
    .concat(
      (kpis.data ?? []).filter(
        (k) => draft.kpiIds.includes(k.id) && k.scope.level !== 'organisation' && k.scope.journeyId !== draft.journeyId,
      ),
    )
    .map((k) => ({ value: k.id, label: k.name, detail: k.scope.level === 'organisation' ? 'whole organisation' : undefined }));

  return (
    <DialogForm
      form={form}
      className="fp-form"
      titleId={titleId}
      title={point ? 'Edit failure point' : 'Add a failure point'}
      submitLabel={point ? 'Save' : 'Add failure point'}
      onCancel={onClose}
    >
      <div className="form__row">
        <SelectField
          label="Journey"
          options={[{ value: '', label: 'Choose a journey' }, ...(journeys.data ?? []).map((j) => ({ value: j.id, label: j.name }))]}
          {...field('journeyId')}
          // A step belongs to one journey: choosing another starts the step afresh.
          onChange={(v) => form.update((d) => ({ ...d, journeyId: v, stepId: '' }))}
        />
        <SelectField
          label="Step"
          options={[{ value: '', label: journey.isFetching ? 'Loading the steps…' : 'Choose a step' }]}
          groups={journey.data?.stages.map((stage) => ({
            key: stage.id,
            label: stage.name,
            options: stage.steps.map((step) => ({ value: step.id, label: step.name })),
          }))}
          disabled={!journey.data}
          {...field('stepId')}
          hint={draft.journeyId ? undefined : 'Choose the journey first.'}
        />
      </div>
      <TextField label="Title" {...field('title')} hint="What goes wrong, as customers would say it." />
      <TextAreaField label="Description" required={false} rows={3} {...field('description')} />
      <div className="form__row">
        <SelectField
          label="Customer expectation"
          options={RATINGS}
          {...field('expectation')}
          hint="What customers expect at this step, 1 to 5."
        />
        <SelectField
          label="Operational capability"
          options={RATINGS}
          {...field('capability')}
          hint={`What operations deliver today. Gap: ${gap}.`}
        />
      </div>
      <div className="form__row">
        <NumberField label="How often" {...field('frequency')} />
        <SelectField label="Per" options={PERIOD_OPTIONS} {...field('frequencyPeriod')} />
      </div>
      <div className="form__row">
        <SelectField label="Each occurrence is a" options={COST_BASIS_OPTIONS} {...field('costBasis')} />
        <NumberField label="Unit cost (£)" {...field('unitCost')} hint="What one occurrence costs, e.g. 6.50 for a call." />
      </div>
      <p className="dialog-form__preview" aria-live="polite">
        {preview ?? 'Enter how often it happens and what each occurrence costs to see its annual cost.'}
      </p>
      <CheckListField
        layout="framed"
        legend="KPIs it moves"
        options={kpiOptions}
        {...field('kpiIds')}
        hint="The journey’s KPIs and the organisation-wide ones."
        empty={draft.journeyId ? 'No KPIs measure this journey yet.' : 'Choose a journey to pick its KPIs.'}
      />
    </DialogForm>
  );
}
