import { useMutation, useQuery } from '@tanstack/react-query';
import { checkGate, type Initiative, type JourneySummary, type KpiDefinition, type SystemWithOwner, type Team } from '@throughline/domain';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { FieldIssue, FormError } from '../common/field-issues.ts';
import { FormAlert } from '../common/form-alert.tsx';
import { formatDate, formatGbp } from '../common/locale-format.ts';
import { SelectField } from '../common/select-field.tsx';
import { TextAreaField } from '../common/text-area-field.tsx';
import { TextField } from '../common/text-field.tsx';
import { CostField } from '../common/cost-field.tsx';
import { NumberField } from '../common/number-field.tsx';
import { trpc } from '../trpc.ts';
import { caseFormOf, caseInputOf, type CaseForm } from './case-form.ts';
import { CheckListField } from '../common/check-list-field.tsx';
import { DateField } from '../common/date-field.tsx';
import { FIELD_LABEL, fieldIssue, issuesOf } from './initiative-fields.ts';
import { nextStep } from './stage-labels.ts';

const FIELDS = Object.keys(FIELD_LABEL);
const CONFIDENCE_OPTIONS = [
  { value: 'low', label: 'Low: a hunch, little evidence' },
  { value: 'medium', label: 'Medium: some evidence or a comparable change' },
  { value: 'high', label: 'High: a pilot or strong evidence' },
] as const;

interface CaseEditorProps {
  initiative: Initiative;
  journeys: readonly JourneySummary[];
  /** The teams it may be moved to: the person's own, and its current one. */
  teams: readonly Team[];
  kpis: readonly KpiDefinition[];
  systems: readonly SystemWithOwner[];
  /** What the next gate refused, by field, shown beside the fields until they are fixed. */
  gateIssues: readonly FieldIssue[];
  onSaved: (after: Initiative, gateIssues: FieldIssue[]) => void;
  onCancel: () => void;
  /** Focus the editor's heading on opening; not when it opens to show a field or a refusal that takes focus itself. */
  focusOnOpen: boolean;
}

/** Edits the whole case in one form; the API's complaints and the gate's show beside their fields. */
export function CaseEditor({ initiative, journeys, teams, kpis, systems, gateIssues, onSaved, onCancel, focusOnOpen }: CaseEditorProps) {
  const [form, setForm] = useState<CaseForm>(() => caseFormOf(initiative));
  // The version the form was filled from: a change by someone else meanwhile is a conflict, not overwritten.
  const [baseVersion] = useState(initiative.version);
  const [localIssues, setLocalIssues] = useState<FieldIssue[]>([]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const alertId = useId();
  const failurePoints = useQuery(trpc.failurePoint.list.queryOptions({ journeyId: form.journeyId }));
  const outcomes = useQuery(trpc.outcome.list.queryOptions({ journeyId: form.journeyId }));
  const update = useMutation(trpc.initiative.update.mutationOptions());

  const [initialFocus] = useState(focusOnOpen);
  useEffect(() => {
    if (initialFocus) headingRef.current?.focus();
  }, [initialFocus]);

  const set = <K extends keyof CaseForm>(key: K) => (value: CaseForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const chooseJourney = (journeyId: string) =>
    // Failure points and outcomes belong to a journey: another journey starts them afresh.
    setForm((f) => (f.journeyId === journeyId ? f : { ...f, journeyId, failurePointIds: [], outcomeIds: [] }));

  const serverError: FormError | null = update.error;
  const conflict = update.error?.data?.code === 'CONFLICT';
  const issues = [...localIssues, ...issuesOf(serverError), ...gateIssues];
  const issue = (path: keyof CaseForm) => fieldIssue(issues, path);
  const localError: FormError | null =
    localIssues.length > 0 ? { message: 'Invalid input', data: { issues: localIssues } } : null;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    update.reset();
    const { input, issues: parsed } = caseInputOf(initiative, form);
    setLocalIssues(parsed);
    if (parsed.length > 0) {
      requestAnimationFrame(() => alertRef.current?.focus());
      return;
    }
    try {
      const after = await update.mutateAsync({ ...input, id: initiative.id, version: baseVersion });
      onSaved(after, stillMissing(after, gateIssues));
    } catch {
      requestAnimationFrame(() => alertRef.current?.focus());
    }
  };

  // The refusal of a stale edit has already refreshed the initiative (see mutation-refresh.ts):
  // closing the editor shows it.
  const reload = () => onCancel();

  const kpiOptions = [
    { value: '', label: 'None chosen yet' },
    ...orderKpis(kpis, form.journeyId).map((k) => ({ value: k.id, label: k.valuePerPoint !== null ? `${k.name} (${formatGbp(k.valuePerPoint)} a point)` : k.name })),
  ];
  const kpi = kpis.find((k) => k.id === form.kpiId);

  return (
    <form className="form panel case-editor" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby={`${alertId}-title`}>
      <h2 ref={headingRef} id={`${alertId}-title`} className="panel__title" tabIndex={-1}>
        Edit the case
      </h2>
      <div ref={alertRef} tabIndex={-1} className="case-editor__alert">
        <FormAlert id={alertId} error={localError ?? serverError} fields={FIELDS}>
          {conflict ? (
            <button type="button" className="button button--secondary" onClick={() => void reload()}>
              Reload the initiative
            </button>
          ) : null}
        </FormAlert>
      </div>

      <fieldset className="case-editor__group">
        <legend>The initiative</legend>
        <TextField label={FIELD_LABEL.title} name="title" autoComplete="off" value={form.title} onChange={set('title')} issue={issue('title')} />
        <div className="form__row">
          <SelectField
            label={FIELD_LABEL.teamId}
            name="teamId"
            value={form.teamId}
            options={teams.map((t) => ({ value: t.id, label: t.name }))}
            onChange={set('teamId')}
            issue={issue('teamId')}
          />
          <SelectField
            label={FIELD_LABEL.journeyId}
            name="journeyId"
            value={form.journeyId}
            options={journeys.map((j) => ({ value: j.id, label: j.name }))}
            onChange={chooseJourney}
            hint="Another journey clears the failure points and outcomes chosen below."
            issue={issue('journeyId')}
          />
        </div>
      </fieldset>

      <fieldset className="case-editor__group">
        <legend>Problem</legend>
        <CheckListField
          legend={FIELD_LABEL.failurePointIds}
          name="failurePointIds"
          value={form.failurePointIds}
          onChange={set('failurePointIds')}
          options={(failurePoints.data ?? []).map((f) => ({
            value: f.id,
            label: f.title,
            detail: `${f.stepName} · ${formatGbp(f.annualCost)} a year`,
          }))}
          hint="The costed failures on this journey it should fix, costliest first."
          empty={failurePoints.isPending ? 'Loading the journey’s failure points…' : 'This journey has no failure points recorded yet: describe the problem below instead.'}
          issue={issue('failurePointIds')}
        />
        <TextAreaField
          label={FIELD_LABEL.problem}
          name="problem"
          required={false}
          value={form.problem}
          onChange={set('problem')}
          hint="What customers and the operation live through today, in your own words."
          issue={issue('problem')}
        />
      </fieldset>

      <fieldset className="case-editor__group">
        <legend>Hypothesis and outcomes</legend>
        <TextAreaField
          label={FIELD_LABEL.hypothesis}
          name="hypothesis"
          required={false}
          value={form.hypothesis}
          onChange={set('hypothesis')}
          hint="“We believe that … will … because …”: what you expect to change, and why."
          issue={issue('hypothesis')}
        />
        <CheckListField
          legend={FIELD_LABEL.outcomeIds}
          name="outcomeIds"
          value={form.outcomeIds}
          onChange={set('outcomeIds')}
          options={(outcomes.data ?? []).map((o) => ({
            value: o.id,
            label: o.title,
            detail: `${o.kpiName}: ${o.baseline} → ${o.target} by ${formatDate(o.byDate)}`,
          }))}
          hint="The journey’s targeted outcomes this should move (up to five)."
          empty={outcomes.isPending ? 'Loading the journey’s outcomes…' : 'This journey has no targeted outcomes yet: its owner team sets 3–5 of them.'}
          issue={issue('outcomeIds')}
        />
      </fieldset>

      <fieldset className="case-editor__group">
        <legend>Investment case</legend>
        <div className="case-editor__costs">
          <CostField label={FIELD_LABEL.oneOffBusiness} name="oneOffBusiness" value={form.oneOffBusiness} onChange={set('oneOffBusiness')} issue={issue('oneOffBusiness')} hint="Process, training, people." />
          <CostField label={FIELD_LABEL.oneOffTechnology} name="oneOffTechnology" value={form.oneOffTechnology} onChange={set('oneOffTechnology')} issue={issue('oneOffTechnology')} hint="Build, configuration, licences." />
          <CostField label={FIELD_LABEL.runningBusiness} name="runningBusiness" value={form.runningBusiness} onChange={set('runningBusiness')} issue={issue('runningBusiness')} />
          <CostField label={FIELD_LABEL.runningTechnology} name="runningTechnology" value={form.runningTechnology} onChange={set('runningTechnology')} issue={issue('runningTechnology')} />
        </div>
        <div className="form__row">
          <NumberField label={FIELD_LABEL.itEffortDays} name="itEffortDays" value={form.itEffortDays} onChange={set('itEffortDays')} issue={issue('itEffortDays')} hint="Days of IT work it needs." />
        </div>
        <CheckListField
          legend={FIELD_LABEL.systemIds}
          name="systemIds"
          value={form.systemIds}
          onChange={set('systemIds')}
          layout="columns"
          options={systems.map((s) => ({ value: s.id, label: s.name, detail: s.ownerTeamName ? `Owned by ${s.ownerTeamName}` : 'No owner team' }))}
          hint="A change that touches no system and costs technology nothing is flagged: name what it changes."
          empty="No systems are recorded for the organisation yet."
          issue={issue('systemIds')}
        />
        <div className="form__row">
          <SelectField label={FIELD_LABEL.kpiId} name="kpiId" value={form.kpiId} options={kpiOptions} onChange={set('kpiId')} hint="The KPI the uplift is promised on; its value per point prices the uplift." issue={issue('kpiId')} />
          <NumberField
            label={FIELD_LABEL.expectedUplift}
            name="expectedUplift"
            value={form.expectedUplift}
            onChange={set('expectedUplift')}
            hint={kpi ? `Points of ${kpi.name}${kpi.direction === 'lower_is_better' ? ' (lower is better: a fall is an improvement)' : ''}.` : 'Points of the KPI.'}
            issue={issue('expectedUplift')}
          />
        </div>
        <div className="form__row">
          <SelectField label={FIELD_LABEL.upliftConfidence} name="upliftConfidence" value={form.upliftConfidence} options={CONFIDENCE_OPTIONS} onChange={set('upliftConfidence')} hint="Weights the priority: low 0.3, medium 0.6, high 0.9." issue={issue('upliftConfidence')} />
          <NumberField
            label={FIELD_LABEL.valuePerPointOverride}
            name="valuePerPointOverride"
            value={form.valuePerPointOverride}
            onChange={set('valuePerPointOverride')}
            hint={
              kpi?.valuePerPoint != null
                ? `Leave blank to use ${formatGbp(kpi.valuePerPoint)} a point, entered on ${kpi.name}.`
                : 'Leave blank to use the KPI’s value per point (entered on the KPI or estimated by the value model).'
            }
            issue={issue('valuePerPointOverride')}
          />
        </div>
      </fieldset>

      <fieldset className="case-editor__group">
        <legend>Adoption plan</legend>
        <div className="form__row">
          <NumberField label={FIELD_LABEL.peopleToTrain} name="peopleToTrain" value={form.peopleToTrain} onChange={set('peopleToTrain')} issue={issue('peopleToTrain')} hint="Frontline staff who need to work differently." />
          <NumberField label={FIELD_LABEL.peopleTrained} name="peopleTrained" value={form.peopleTrained} onChange={set('peopleTrained')} issue={issue('peopleTrained')} />
        </div>
        <div className="form__row">
          <TextField label={FIELD_LABEL.usageMeasure} name="usageMeasure" required={false} value={form.usageMeasure} onChange={set('usageMeasure')} hint="How use is measured, e.g. “share of claims triaged with the new tool”." issue={issue('usageMeasure')} />
          <NumberField label={FIELD_LABEL.usageValue} name="usageValue" value={form.usageValue} onChange={set('usageValue')} hint="The latest reading of that measure." issue={issue('usageValue')} />
        </div>
      </fieldset>

      <fieldset className="case-editor__group">
        <legend>Delivery</legend>
        <div className="form__row">
          <DateField label={FIELD_LABEL.deliveryStartOn} name="deliveryStartOn" value={form.deliveryStartOn} onChange={set('deliveryStartOn')} issue={issue('deliveryStartOn')} />
          <DateField label={FIELD_LABEL.implementedOn} name="implementedOn" value={form.implementedOn} onChange={set('implementedOn')} hint="When it went live: the acid test compares the KPI before and after." issue={issue('implementedOn')} />
        </div>
        <TextAreaField label={FIELD_LABEL.changeSummary} name="changeSummary" required={false} value={form.changeSummary} onChange={set('changeSummary')} hint="What actually changed for customers and staff when it went live." issue={issue('changeSummary')} />
        <div className="form__row">
          <CostField label={FIELD_LABEL.spentBusiness} name="spentBusiness" value={form.spentBusiness} onChange={set('spentBusiness')} issue={issue('spentBusiness')} />
          <CostField label={FIELD_LABEL.spentTechnology} name="spentTechnology" value={form.spentTechnology} onChange={set('spentTechnology')} issue={issue('spentTechnology')} />
        </div>
      </fieldset>

      <div className="form__buttons case-editor__buttons">
        <button type="submit" className="button button--primary" disabled={update.isPending} aria-busy={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save the case'}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel} disabled={update.isPending}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The journey's own KPIs first, then the organisation's, then the rest. */
function orderKpis(kpis: readonly KpiDefinition[], journeyId: string): KpiDefinition[] {
  const rank = (k: KpiDefinition) => (k.scope.level !== 'organisation' && k.scope.journeyId === journeyId ? 0 : k.scope.level === 'organisation' ? 1 : 2);
  return [...kpis].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/**
 * Which of the gate's refusals still stand after a save. The gates are pure domain rules, so the
 * page can drop what is fixed without asking; only the measured gate needs the server's facts.
 */
function stillMissing(after: Initiative, gateIssues: readonly FieldIssue[]): FieldIssue[] {
  const step = nextStep(after.stage);
  if (gateIssues.length === 0 || step.kind !== 'gate' || !step.to || step.to === 'measured') return [...gateIssues];
  const result = checkGate(after.stage, step.to, after, { today: new Date().toISOString().slice(0, 10) });
  return result.ok ? [] : result.issues;
}
