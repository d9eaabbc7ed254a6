import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { issueFor } from '../common/field-issues.ts';
import { FormAlert } from '../common/form-alert.tsx';
import { TextField } from '../common/text-field.tsx';
import { trpc } from '../trpc.ts';

const FIELDS = ['name', 'description', 'personas'] as const;

/** Starts a journey: a name, what it covers and who takes it; stages and steps follow on its page. */
export function NewJourneyForm() {
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [personas, setPersonas] = useState('');
  const alertId = useId();
  const create = useMutation(
    trpc.journey.create.mutationOptions({
      onSuccess: async ({ id }) => {
        await navigate(`/journeys/${id}`);
      },
    }),
  );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const list = personas.split(',').map((p) => p.trim()).filter(Boolean);
    create.mutate({ name, description, personas: list });
  };

  return (
    <form className="form panel" onSubmit={onSubmit} aria-labelledby={`${alertId}-title`} aria-describedby={create.isError ? alertId : undefined}>
      <h2 id={`${alertId}-title`} className="panel__title">
        Map a new journey
      </h2>
      <FormAlert id={alertId} error={create.error} fields={FIELDS} />
      <div className="form__row">
        <TextField label="Journey name" name="name" value={name} onChange={setName} hint="As the customer would put it, e.g. “Report a home-insurance claim”." issue={issueFor(create.error, 'name')} />
        <TextField label="Personas" name="personas" value={personas} onChange={setPersonas} required={false} hint="Who takes it, separated by commas." issue={issueFor(create.error, 'personas')} />
      </div>
      <TextField label="What it covers" name="description" value={description} onChange={setDescription} required={false} issue={issueFor(create.error, 'description')} />
      <div>
        <button type="submit" className="button button--primary" disabled={create.isPending} aria-busy={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create journey'}
        </button>
      </div>
    </form>
  );
}
