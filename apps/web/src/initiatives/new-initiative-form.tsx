import { useMutation } from '@tanstack/react-query';
import type { Initiative, JourneySummary, Team } from '@throughline/domain';
import { useEffect, useRef } from 'react';
import { formatGbp } from '../common/locale-format.ts';
import { PanelForm } from '../common/panel-form.tsx';
import { SelectField } from '../common/select-field.tsx';
import { SubmitButton } from '../common/submit-button.tsx';
import { TextField } from '../common/text-field.tsx';
import { useDraftForm } from '../common/use-draft-form.ts';
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

interface Draft {
  title: string;
  teamId: string;
  /** Empty until chosen: the journey then follows the team's own journey. */
  journeyId: string;
}

/** Starts an initiative as an idea: a title, the journey it changes and the team that owns it. */
export function NewInitiativeForm({ journeys, teams, onCreated, onCancel }: NewInitiativeFormProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const create = useMutation(
    trpc.initiative.create.mutationOptions({
      onSuccess: async (created) => {
        onCreated(created);
      },
    }),
  );
  // The team list can narrow once the person's teams are known: keep the choice valid.
  const teamOf = (draft: Draft) => teams.find((t) => t.id === draft.teamId) ?? teams[0];
  const journeyOf = (draft: Draft) => draft.journeyId || journeyFor(teamOf(draft)?.id ?? '', journeys);
  const form = useDraftForm({
    initial: (): Draft => ({ title: '', teamId: teams[0]?.id ?? '', journeyId: '' }),
    toInput: (draft) => ({ title: draft.title, journeyId: journeyOf(draft), teamId: teamOf(draft)?.id ?? '' }),
    fields: FIELDS,
    submit: (input) => create.mutateAsync(input),
  });

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const team = teamOf(form.draft);
  const accountable = journeys.filter((j) => team && j.accountableTeamId === team.id);

  return (
    <PanelForm
      form={form}
      className="new-initiative"
      title="New initiative"
      headingRef={headingRef}
      noValidate
      lead={
        <p className="muted">
          It starts as an idea. Next, on its own page, you describe the problem and the case; the designed gate checks it is complete before
          it can ask for funding.
        </p>
      }
      buttonsClassName="form__buttons"
      buttons={
        <>
          <SubmitButton label="Create initiative" pendingLabel="Creating…" pending={form.submitting} />
          <button type="button" className="button button--secondary" onClick={onCancel} disabled={form.submitting}>
            Cancel
          </button>
        </>
      }
    >
      <TextField
        label="Title"
        autoComplete="off"
        {...form.field('title')}
        hint="The change, in a few words: “Photo triage for escape-of-water claims”."
      />
      <div className="form__row">
        <SelectField
          label="Owning team"
          options={teams.map((t) => ({ value: t.id, label: t.name }))}
          {...form.field('teamId')}
          value={team?.id ?? ''}
          hint={
            team
              ? `Delivers it and answers for it. ${team.name} may fund up to ${formatGbp(team.spendingAuthority)} itself; more goes to the CX council.`
              : undefined
          }
        />
        <SelectField
          label="Journey"
          options={journeys.map((j) => ({ value: j.id, label: j.name }))}
          {...form.field('journeyId')}
          value={journeyOf(form.draft)}
          hint={
            accountable.length > 0 && team
              ? `${team.name} is accountable for ${accountable.map((j) => `“${j.name}”`).join(' and ')}.`
              : 'The customer journey it changes.'
          }
        />
      </div>
    </PanelForm>
  );
}
