import { useMutation } from '@tanstack/react-query';
import type { Initiative, JourneySummary, Team } from '@throughline/domain';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { issueFor } from '../common/field-issues.ts';
import { FormAlert } from '../common/form-alert.tsx';
import { formatGbp } from '../common/locale-format.ts';
import { SelectField } from '../common/select-field.tsx';
import { TextField } from '../common/text-field.tsx';
import { trpc } from '../trpc.ts';

const FIELDS = ['title', 'journeyId', 'teamId'] as const;

interface NewInitiativeFormProps {
  journeys: readonly JourneySummary[];
  /** The teams the person may propose for: all of them for the council, else their own. */
  teams: readonly Team[];
  onCreated: (initiative: Initiative) => void;
  onCancel: () => void;
}

/** The journey a team is accountable for, else the first: where its initiatives usually belong. */
function journeyFor(teamId: string, journeys: readonly JourneySummary[]): string {
  return (journeys.find((j) => j.accountableTeamId === teamId) ?? journeys[0])?.id ?? '';
}

/** Starts an initiative as an idea: a title, the journey it changes and the team that owns it. */
export function NewInitiativeForm({ journeys, teams, onCreated, onCancel }: NewInitiativeFormProps) {
  const [title, setTitle] = useState('');
  const [teamId, setTeamId] = useState(teams[0]?.id ?? '');
  // Null until chosen: the journey then follows the team's own journey.
  const [chosenJourney, setChosenJourney] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const alertId = useId();
  const create = useMutation(
    trpc.initiative.create.mutationOptions({
      onSuccess: (created) => {
        onCreated(created);
      },
    }),
  );

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const team = teams.find((t) => t.id === teamId) ?? teams[0];
  const journeyId = chosenJourney ?? journeyFor(team?.id ?? '', journeys);
  const accountable = journeys.filter((j) => team && j.accountableTeamId === team.id);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!team) return;
    create.mutate({ title, journeyId, teamId: team.id });
  };

  const error = create.error ?? null;
  return (
    <form className="form panel new-initiative" onSubmit={onSubmit} noValidate aria-labelledby={`${alertId}-title`}>
      <h2 ref={headingRef} id={`${alertId}-title`} className="panel__title" tabIndex={-1}>
        New initiative
      </h2>
      <p className="muted">
        It starts as an idea. Next, on its own page, you describe the problem and the case; the designed gate checks it is complete before it can ask
        for funding.
      </p>
      <FormAlert id={alertId} error={error} fields={FIELDS} />
      <TextField
        label="Title"
        name="title"
        autoComplete="off"
        value={title}
        onChange={setTitle}
        hint="The change, in a few words: “Photo triage for escape-of-water claims”."
        issue={issueFor(error, 'title')}
      />
      <div className="form__row">
        <SelectField
          label="Owning team"
          name="teamId"
          value={team?.id ?? ''}
          options={teams.map((t) => ({ value: t.id, label: t.name }))}
          onChange={setTeamId}
          hint={team ? `Delivers it and answers for it. ${team.name} may fund up to ${formatGbp(team.spendingAuthority)} itself; more goes to the CX council.` : undefined}
          issue={issueFor(error, 'teamId')}
        />
        <SelectField
          label="Journey"
          name="journeyId"
          value={journeyId}
          options={journeys.map((j) => ({ value: j.id, label: j.name }))}
          onChange={setChosenJourney}
          hint={accountable.length > 0 && team ? `${team.name} is accountable for ${accountable.map((j) => `“${j.name}”`).join(' and ')}.` : 'The customer journey it changes.'}
          issue={issueFor(error, 'journeyId')}
        />
      </div>
      <div className="form__buttons">
        <button type="submit" className="button button--primary" disabled={create.isPending} aria-busy={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create initiative'}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel} disabled={create.isPending}>
          Cancel
        </button>
      </div>
    </form>
  );
}
