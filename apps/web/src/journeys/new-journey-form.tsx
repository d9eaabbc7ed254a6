import { useMutation } from '@tanstack/react-query';
import { ZJourneyInput } from '@throughline/domain';
import { useNavigate } from 'react-router';
import { PanelForm } from '../common/panel-form.tsx';
import { SubmitButton } from '../common/submit-button.tsx';
import { TextField } from '../common/text-field.tsx';
import { useDraftForm } from '../common/use-draft-form.ts';
import { trpc } from '../trpc.ts';

/** Starts a journey: a name, what it covers and who takes it; stages and steps follow on its page. */
export function NewJourneyForm() {
  const navigate = useNavigate();
  const create = useMutation(
    trpc.journey.create.mutationOptions({
      onSuccess: async ({ id }) => {
        await navigate(`/journeys/${id}`);
      },
    }),
  );
  const form = useDraftForm({
    initial: { name: '', description: '', personas: '' },
    toInput: (draft) => ({
      ...draft,
      personas: draft.personas
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
    }),
    schema: ZJourneyInput,
    submit: (input) => create.mutateAsync(input),
  });
  const { field } = form;

  return (
    <PanelForm
      form={form}
      title="Map a new journey"
      buttons={<SubmitButton label="Create journey" pendingLabel="Creating…" pending={form.submitting} />}
    >
      <div className="form__row">
        <TextField label="Journey name" {...field('name')} hint="As the customer would put it, e.g. “Report a home-insurance claim”." />
        <TextField label="Personas" {...field('personas')} required={false} hint="Who takes it, separated by commas." />
      </div>
      <TextField label="What it covers" {...field('description')} required={false} />
    </PanelForm>
  );
}
