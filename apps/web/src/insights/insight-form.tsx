import { useMutation, useQueries, useQuery } from '@tanstack/react-query';
import { INSIGHT_SOURCES, ZInsightInput, type Confidence, type Insight, type InsightInput } from '@throughline/domain';
import { CheckListField, type CheckOption } from '../common/check-list-field.tsx';
import { DateField } from '../common/date-field.tsx';
import { SelectField } from '../common/select-field.tsx';
import { TextAreaField } from '../common/text-area-field.tsx';
import { TextField } from '../common/text-field.tsx';
import { trpc } from '../trpc.ts';
import { DialogForm } from '../common/dialog-form.tsx';
import { useDraftForm } from '../common/use-draft-form.ts';
import { confidenceLabel, kindLabel, sourceLabel } from './insight-labels.ts';

type Draft = Omit<InsightInput, 'personas'> & { personas: string };

/** Today in the person's own calendar, as the date input wants it. */
function today(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

function draftOf(insight: Insight | null, links: { journeyId?: string; failurePointId?: string }): Draft {
  if (insight) {
    const { kind, title, body, source, observedOn, confidence, personas, journeyIds, stepIds, failurePointIds, initiativeIds } = insight;
    return {
      kind,
      title,
      body,
      source,
      observedOn,
      confidence,
      personas: personas.join(', '),
      journeyIds,
      stepIds,
      failurePointIds,
      initiativeIds,
    };
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
  return [
    ...new Set(
      text
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
    ),
  ];
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
  const journeys = useQuery(trpc.journey.list.queryOptions());
  const failurePoints = useQuery(trpc.failurePoint.list.queryOptions({}));
  const initiatives = useQuery(trpc.initiative.list.queryOptions({}));

  const onSuccess = async (saved: Insight) => {
    onSaved(saved, insight ? `Saved “${saved.title}”.` : `Added “${saved.title}”.`);
  };
  const create = useMutation(trpc.insight.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.insight.update.mutationOptions({ onSuccess }));
  const form = useDraftForm({
    initial: () => draftOf(insight, startLinks),
    toInput: (draft: Draft): InsightInput => ({ ...draft, personas: personaList(draft.personas) }),
    schema: ZInsightInput,
    submit: (input) => (insight ? update.mutateAsync({ ...input, id: insight.id, version: insight.version }) : create.mutateAsync(input)),
  });
  const { draft, field } = form;
  // Steps come with each chosen journey's structure.
  const structures = useQueries({ queries: draft.journeyIds.map((id) => trpc.journey.get.queryOptions({ id })) });

  // A link already made stays offered even when its journey is no longer chosen, so it can be removed.
  const inChosenJourneys = (journeyId: string, id: string, chosen: readonly string[]) =>
    draft.journeyIds.length === 0 || draft.journeyIds.includes(journeyId) || chosen.includes(id);
  const stepOptions: CheckOption[] = structures.flatMap((q) =>
    q.data
      ? q.data.stages.flatMap((stage) =>
          stage.steps.map((step) => ({ value: step.id, label: step.name, detail: `${q.data.name} · ${stage.name}` })),
        )
      : [],
  );
  // Unticking a journey takes its steps with it: they would otherwise be linked without being shown.
  const stepJourney = new Map(
    structures.flatMap((q) => (q.data ? q.data.stages.flatMap((stage) => stage.steps.map((step) => [step.id, q.data.id] as const)) : [])),
  );
  const failurePointOptions: CheckOption[] = (failurePoints.data ?? [])
    .filter((f) => inChosenJourneys(f.journeyId, f.id, draft.failurePointIds))
    .map((f) => ({ value: f.id, label: f.title, detail: f.stepName }));
  const initiativeOptions: CheckOption[] = (initiatives.data ?? [])
    .filter((i) => inChosenJourneys(i.journeyId, i.id, draft.initiativeIds))
    .map((i) => ({ value: i.id, label: i.title, detail: i.journeyName }));

  return (
    <DialogForm
      form={form}
      className="insight-form"
      titleId={titleId}
      title={insight ? 'Edit insight' : 'Add an insight'}
      submitLabel={insight ? 'Save' : 'Add insight'}
      onCancel={onClose}
    >
      <div className="form__row">
        <SelectField
          label="Kind"
          options={(['finding', 'verbatim'] as const).map((k) => ({ value: k, label: kindLabel(k) }))}
          {...field('kind')}
          hint="A finding is what research concluded; a verbatim is a customer’s own words."
        />
        <SelectField label="Source" options={INSIGHT_SOURCES.map((s) => ({ value: s, label: sourceLabel(s) }))} {...field('source')} />
      </div>
      <TextField label="Title" {...field('title')} hint="One line people will recognise it by." />
      <TextAreaField label={draft.kind === 'verbatim' ? 'What the customer said' : 'What was found'} rows={4} {...field('body')} />
      <div className="form__row">
        <DateField label="Observed on" required {...field('observedOn')} />
        <SelectField
          label="Confidence"
          options={(['high', 'medium', 'low'] as const satisfies readonly Confidence[]).map((c) => ({
            value: c,
            label: confidenceLabel(c),
          }))}
          {...field('confidence')}
        />
      </div>
      <TextField
        label="Personas"
        required={false}
        {...field('personas')}
        hint="Who it is about, separated by commas: Homeowner, Landlord."
      />
      <CheckListField
        layout="framed"
        legend="Journeys"
        options={(journeys.data ?? []).map((j) => ({ value: j.id, label: j.name }))}
        {...field('journeyIds')}
        onChange={(ids) =>
          form.update((d) => ({
            ...d,
            journeyIds: ids,
            stepIds: d.stepIds.filter((s) => !stepJourney.has(s) || ids.includes(stepJourney.get(s)!)),
          }))
        }
        empty="No journeys yet."
      />
      <CheckListField
        layout="framed"
        legend="Steps"
        options={stepOptions}
        {...field('stepIds')}
        empty={draft.journeyIds.length === 0 ? 'Choose a journey to pick its steps.' : 'Loading the steps…'}
      />
      <CheckListField
        layout="framed"
        legend="Failure points"
        options={failurePointOptions}
        {...field('failurePointIds')}
        hint="The failures this is evidence for."
        empty="No failure points on the chosen journeys."
      />
      <CheckListField
        layout="framed"
        legend="Initiatives"
        options={initiativeOptions}
        {...field('initiativeIds')}
        hint="The backlog items that rest on it."
        empty="No initiatives on the chosen journeys."
      />
    </DialogForm>
  );
}
