import { useMutation, useQueries, useQuery } from '@tanstack/react-query';
import { INSIGHT_SOURCES, type Confidence, type Insight, type InsightInput } from '@throughline/domain';
import { useState, type FormEvent } from 'react';
import { CheckListField, type CheckOption } from '../common/check-list-field.tsx';
import { FieldFrame } from '../common/field-frame.tsx';
import { issueFor, issueForList } from '../common/field-issues.ts';
import { SelectField } from '../common/select-field.tsx';
import { TextAreaField } from '../common/text-area-field.tsx';
import { TextField } from '../common/text-field.tsx';
import { trpc } from '../trpc.ts';
import { DialogForm } from '../common/dialog-form.tsx';
import { confidenceLabel, kindLabel, sourceLabel } from './insight-labels.ts';

const FIELDS = ['kind', 'title', 'body', 'source', 'observedOn', 'confidence', 'personas', 'journeyIds', 'stepIds', 'failurePointIds', 'initiativeIds'] as const;

type Draft = Omit<InsightInput, 'personas'> & { personas: string };

/** Today in the person's own calendar, as the date input wants it. */
function today(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

function draftOf(insight: Insight | null, links: { journeyId?: string; failurePointId?: string }): Draft {
  if (insight) {
    const { kind, title, body, source, observedOn, confidence, personas, journeyIds, stepIds, failurePointIds, initiativeIds } = insight;
    return { kind, title, body, source, observedOn, confidence, personas: personas.join(', '), journeyIds, stepIds, failurePointIds, initiativeIds };
  }
  return {
    kind: 'finding',
    title: '',
    body: '',
    source: 'interview',
    observedOn: today(),
    confidence: 'medium',
    personas: '',
    journeyIds: links.journeyId ? [links.journeyId] : [],
    stepIds: [],
    failurePointIds: links.failurePointId ? [links.failurePointId] : [],
    initiativeIds: [],
  };
}

/** Personas typed as "Homeowner, Landlord": trimmed, blanks and repeats dropped. */
function personaList(text: string): string[] {
  return [...new Set(text.split(',').map((p) => p.trim()).filter(Boolean))];
}

interface InsightFormProps {
  titleId: string;
  /** The insight being edited, or null for a new one. */
  insight: Insight | null;
  /** Links a new insight starts with: the filters the person was looking through. */
  startLinks: { journeyId?: string; failurePointId?: string };
  onClose: () => void;
  onSaved: (insight: Insight, message: string) => void;
}

/** Records a finding or verbatim with where it came from, and links it to what rests on it. */
export function InsightForm({ titleId, insight, startLinks, onClose, onSaved }: InsightFormProps) {
  const [draft, setDraft] = useState(() => draftOf(insight, startLinks));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const journeys = useQuery(trpc.journey.list.queryOptions());
  const failurePoints = useQuery(trpc.failurePoint.list.queryOptions({}));
  const initiatives = useQuery(trpc.initiative.list.queryOptions({}));
  // Steps come with each chosen journey's structure.
  const structures = useQueries({ queries: draft.journeyIds.map((id) => trpc.journey.get.queryOptions({ id })) });

  const onSuccess = (saved: Insight) => {
    onSaved(saved, insight ? `Saved “${saved.title}”.` : `Added “${saved.title}”.`);
  };
  const create = useMutation(trpc.insight.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.insight.update.mutationOptions({ onSuccess }));
  const saving = create.isPending || update.isPending;
  const error = insight ? update.error : create.error;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input: InsightInput = { ...draft, personas: personaList(draft.personas) };
    if (insight) update.mutate({ ...input, id: insight.id, version: insight.version });
    else create.mutate(input);
  };

  // A link already made stays offered even when its journey is no longer chosen, so it can be removed.
  const inChosenJourneys = (journeyId: string, id: string, chosen: readonly string[]) =>
    draft.journeyIds.length === 0 || draft.journeyIds.includes(journeyId) || chosen.includes(id);
  const stepOptions: CheckOption[] = structures.flatMap((q) =>
    q.data ? q.data.stages.flatMap((stage) => stage.steps.map((step) => ({ value: step.id, label: step.name, detail: `${q.data.name} · ${stage.name}` }))) : [],
  );
  // Unticking a journey takes its steps with it: they would otherwise be linked without being shown.
  const stepJourney = new Map(structures.flatMap((q) => (q.data ? q.data.stages.flatMap((stage) => stage.steps.map((step) => [step.id, q.data.id] as const)) : [])));
  const failurePointOptions: CheckOption[] = (failurePoints.data ?? [])
    .filter((f) => inChosenJourneys(f.journeyId, f.id, draft.failurePointIds))
    .map((f) => ({ value: f.id, label: f.title, detail: f.stepName }));
  const initiativeOptions: CheckOption[] = (initiatives.data ?? [])
    .filter((i) => inChosenJourneys(i.journeyId, i.id, draft.initiativeIds))
    .map((i) => ({ value: i.id, label: i.title, detail: i.journeyName }));

  return (
    <DialogForm
      className="insight-form"
      titleId={titleId}
      title={insight ? 'Edit insight' : 'Add an insight'}
      error={error}
      fields={FIELDS}
      onSubmit={submit}
      saving={saving}
      submitLabel={insight ? 'Save' : 'Add insight'}
      onCancel={onClose}
    >
      <div className="form__row">
        <SelectField
          label="Kind"
          name="kind"
          value={draft.kind}
          options={(['finding', 'verbatim'] as const).map((k) => ({ value: k, label: kindLabel(k) }))}
          onChange={(v) => set('kind', v)}
          issue={issueFor(error, 'kind')}
          hint="A finding is what research concluded; a verbatim is a customer’s own words."
        />
        <SelectField
          label="Source"
          name="source"
          value={draft.source}
          options={INSIGHT_SOURCES.map((s) => ({ value: s, label: sourceLabel(s) }))}
          onChange={(v) => set('source', v)}
          issue={issueFor(error, 'source')}
        />
      </div>
      <TextField label="Title" name="title" value={draft.title} onChange={(v) => set('title', v)} issue={issueFor(error, 'title')} hint="One line people will recognise it by." />
      <TextAreaField
        label={draft.kind === 'verbatim' ? 'What the customer said' : 'What was found'}
        name="body"
        rows={4}
        value={draft.body}
        onChange={(v) => set('body', v)}
        issue={issueFor(error, 'body')}
      />
      <div className="form__row">
        <FieldFrame label="Observed on" issue={issueFor(error, 'observedOn')}>
          {(control) => <input {...control} type="date" name="observedOn" required value={draft.observedOn} onChange={(e) => set('observedOn', e.target.value)} />}
        </FieldFrame>
        <SelectField
          label="Confidence"
          name="confidence"
          value={draft.confidence}
          options={(['high', 'medium', 'low'] as const satisfies readonly Confidence[]).map((c) => ({ value: c, label: confidenceLabel(c) }))}
          onChange={(v) => set('confidence', v)}
          issue={issueFor(error, 'confidence')}
        />
      </div>
      <TextField
        label="Personas"
        name="personas"
        required={false}
        value={draft.personas}
        onChange={(v) => set('personas', v)}
        issue={issueForList(error, 'personas')}
        hint="Who it is about, separated by commas: Homeowner, Landlord."
      />
      <CheckListField
        layout="framed"
        legend="Journeys"
        options={(journeys.data ?? []).map((j) => ({ value: j.id, label: j.name }))}
        value={draft.journeyIds}
        onChange={(ids) => setDraft((d) => ({ ...d, journeyIds: ids, stepIds: d.stepIds.filter((s) => !stepJourney.has(s) || ids.includes(stepJourney.get(s)!)) }))}
        issue={issueForList(error, 'journeyIds')}
        empty="No journeys yet."
      />
      <CheckListField
        layout="framed"
        legend="Steps"
        options={stepOptions}
        value={draft.stepIds}
        onChange={(ids) => set('stepIds', ids)}
        issue={issueForList(error, 'stepIds')}
        empty={draft.journeyIds.length === 0 ? 'Choose a journey to pick its steps.' : 'Loading the steps…'}
      />
      <CheckListField
        layout="framed"
        legend="Failure points"
        options={failurePointOptions}
        value={draft.failurePointIds}
        onChange={(ids) => set('failurePointIds', ids)}
        issue={issueForList(error, 'failurePointIds')}
        hint="The failures this is evidence for."
        empty="No failure points on the chosen journeys."
      />
      <CheckListField
        layout="framed"
        legend="Initiatives"
        options={initiativeOptions}
        value={draft.initiativeIds}
        onChange={(ids) => set('initiativeIds', ids)}
        issue={issueForList(error, 'initiativeIds')}
        hint="The backlog items that rest on it."
        empty="No initiatives on the chosen journeys."
      />
    </DialogForm>
  );
}
