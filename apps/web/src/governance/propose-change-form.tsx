import { useMutation } from '@tanstack/react-query';
import { ZProposalInput, type ChangeProposal, type Policy, type Team } from '@throughline/domain';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../common/error-message.ts';
import { formatGbp } from '../common/locale-format.ts';
import { PanelForm } from '../common/panel-form.tsx';
import { SubmitButton } from '../common/submit-button.tsx';
import { useDraftForm } from '../common/use-draft-form.ts';
import { SelectField } from '../common/select-field.tsx';
import { TextField } from '../common/text-field.tsx';
import { trpc } from '../trpc.ts';
import { CostField } from '../common/cost-field.tsx';
import { parseCost } from '../common/cost-input.ts';
import { previewRoute } from './routing-preview.ts';
import { TextAreaField } from '../common/text-area-field.tsx';
import { WordingDiffView } from './wording-diff-view.tsx';

const FIELDS = ['policyId', 'teamId', 'title', 'proposedStatement', 'rationale', 'cost'] as const;

/** A request from a policy's "Propose a change" button; the nonce tells repeated clicks apart. */
export interface ProposeRequest {
  policyId: string;
  nonce: number;
}

interface ProposeChangeFormProps {
  policies: readonly Policy[];
  /** The teams the person may propose for: all of them for the council, else their own. */
  teams: readonly Team[];
  request: ProposeRequest | null;
  onSaved: (proposal: ChangeProposal, message: string) => void;
}

interface Draft {
  policyId: string;
  teamId: string;
  title: string;
  /**
   * Null until the person edits it: the field then follows the policy's current wording, even
   * when an implemented proposal rewrites it.
   */
  editedWording: string | null;
  rationale: string;
  cost: string;
}

/** Drafts a change to a policy's wording, and submits it for a decision or keeps it as a draft. */
export function ProposeChangeForm({ policies, teams, request, onSaved }: ProposeChangeFormProps) {
  const [handledNonce, setHandledNonce] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const create = useMutation(trpc.proposal.create.mutationOptions());
  const submit = useMutation(trpc.proposal.submit.mutationOptions());

  const policyOf = (draft: Draft) => policies.find((p) => p.id === draft.policyId);
  const wordingOf = (draft: Draft) => draft.editedWording ?? policyOf(draft)?.statement ?? '';
  // The team list can narrow once the person's teams are known: keep the choice valid.
  const teamOf = (draft: Draft) => teams.find((t) => t.id === draft.teamId) ?? teams[0];

  const form = useDraftForm({
    initial: (): Draft => ({
      policyId: policies[0]?.id ?? '',
      teamId: teams[0]?.id ?? '',
      title: '',
      editedWording: null,
      rationale: '',
      cost: '',
    }),
    toInput: (draft) => ({
      policyId: draft.policyId,
      teamId: teamOf(draft)?.id ?? '',
      title: draft.title,
      proposedStatement: wordingOf(draft),
      rationale: draft.rationale,
      cost: parseCost(draft.cost) ?? 0,
    }),
    check: (draft) => (parseCost(draft.cost) === null ? [{ path: 'cost', message: 'must be an amount in pounds, e.g. 12,500' }] : []),
    schema: ZProposalInput,
    fields: FIELDS,
    // Enter in a field submits for a decision, the form's first button.
    submit: async (input, intent): Promise<void> => {
      const draft = await create.mutateAsync(input);
      form.reset({ ...form.draft, title: '', editedWording: null, rationale: '', cost: '' });
      if (intent === 'draft') {
        onSaved(draft, `“${draft.title}” was saved as a draft. Submit it when it is ready for a decision.`);
        return;
      }
      try {
        const after = await submit.mutateAsync({ id: draft.id, version: draft.version });
        onSaved(
          after,
          `“${after.title}” was submitted: ${after.approver === 'council' ? 'the CX council' : after.teamName} decides it next.`,
        );
      } catch (error) {
        onSaved(draft, `“${draft.title}” was saved as a draft but not submitted: ${errorMessage(error as Error)}`);
      }
    },
  });
  const { draft, field } = form;
  const policy = policyOf(draft);
  const wording = wordingOf(draft);
  const team = teamOf(draft);

  const choosePolicy = (id: string) =>
    // Prefill with the new policy's wording, unless the person has already rewritten it.
    form.update((d) => {
      const current = policyOf(d)?.statement;
      const keepsWording = d.editedWording !== null && d.editedWording.trim() !== '' && d.editedWording !== current;
      return { ...d, policyId: id, editedWording: keepsWording ? d.editedWording : null };
    });

  // A policy's "Propose a change" button: switch to it here, while rendering, so the form never
  // shows the old policy for a frame.
  if (request && request.nonce !== handledNonce) {
    setHandledNonce(request.nonce);
    choosePolicy(request.policyId);
  }
  useEffect(() => {
    if (handledNonce === 0) return;
    headingRef.current?.scrollIntoView({ block: 'start' });
    headingRef.current?.focus({ preventScroll: true });
  }, [handledNonce]);

  const amount = parseCost(draft.cost);
  const route = policy && team && amount !== null ? previewRoute(policy, team, amount) : null;

  return (
    <PanelForm
      form={form}
      className="propose"
      title="Propose a change"
      titleClassName="propose__title"
      headingRef={headingRef}
      noValidate
      buttonsClassName="propose__buttons"
      buttons={
        <>
          <SubmitButton label="Submit for decision" value="submit" pending={form.submitting} />
          <SubmitButton label="Save as draft" value="draft" variant="secondary" pending={false} disabled={form.submitting} />
        </>
      }
    >
      <div className="form__row">
        <SelectField
          label="Policy"
          options={policies.map((p) => ({ value: p.id, label: p.name }))}
          {...field('policyId')}
          onChange={choosePolicy}
          hint={policy ? `Owned by ${policy.ownerTeamName}.` : undefined}
        />
        <SelectField
          label="Proposing team"
          options={teams.map((t) => ({ value: t.id, label: `${t.name} (approves up to ${formatGbp(t.spendingAuthority)})` }))}
          {...field('teamId')}
          value={team?.id ?? ''}
          hint="The team asking for the change. It decides itself when it holds the policy’s decision right and the cost is within its authority."
        />
      </div>
      <TextField label="Title" autoComplete="off" {...field('title')} hint="What changes, in a few words." />
      <TextAreaField
        label="Proposed wording"
        name="proposedStatement"
        rows={4}
        value={wording}
        onChange={form.set('editedWording')}
        hint="The whole policy as it would read after the change; it starts as the current wording."
        issue={form.issue('proposedStatement')}
      />
      {policy ? (
        <WordingDiffView
          current={policy.statement}
          proposed={wording}
          proposedTitle="Your wording"
          headingLevel={3}
          unchangedNote="Edit the wording above: the words you change are marked here."
        />
      ) : null}
      <div className="form__row">
        <TextAreaField
          label="Rationale"
          rows={3}
          required={false}
          {...field('rationale')}
          hint="Why: the customer problem, the evidence, the effect on the journey."
        />
        <CostField label="One-off cost" {...field('cost')} hint="What making the change costs, once. Enter 0 if nothing." />
      </div>
      {route && team ? (
        <p className={`route route--${route.approver}`}>
          <span className="route__who">
            {route.approver === 'council' ? 'The CX council would decide this.' : `${team.name} would decide this itself.`}
          </span>{' '}
          {route.reason}
        </p>
      ) : null}
    </PanelForm>
  );
}
