import { useMutation } from '@tanstack/react-query';
import type { ChangeProposal, Policy, Team } from '@throughline/domain';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '../common/error-message.ts';
import { issueFor } from '../common/field-issues.ts';
import { FormAlert } from '../common/form-alert.tsx';
import { formatGbp } from '../common/locale-format.ts';
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

/** Drafts a change to a policy's wording, and submits it for a decision or keeps it as a draft. */
export function ProposeChangeForm({ policies, teams, request, onSaved }: ProposeChangeFormProps) {
  const first = policies[0];
  const [policyId, setPolicyId] = useState(first?.id ?? '');
  const [teamId, setTeamId] = useState(teams[0]?.id ?? '');
  const [title, setTitle] = useState('');
  // Null until the person edits it: the field then follows the policy's current wording, even
  // when an implemented proposal rewrites it.
  const [editedWording, setEditedWording] = useState<string | null>(null);
  const [rationale, setRationale] = useState('');
  const [cost, setCost] = useState('');
  const [costIssue, setCostIssue] = useState<string | undefined>();
  const [handledNonce, setHandledNonce] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const alertId = useId();
  const create = useMutation(trpc.proposal.create.mutationOptions());
  const submit = useMutation(trpc.proposal.submit.mutationOptions());

  const policy = policies.find((p) => p.id === policyId);
  const wording = editedWording ?? policy?.statement ?? '';
  // The team list can narrow once the person's teams are known: keep the choice valid.
  const team = teams.find((t) => t.id === teamId) ?? teams[0];

  const choosePolicy = (id: string) => {
    // Prefill with the new policy's wording, unless the person has already rewritten it.
    if (editedWording !== null && (editedWording.trim() === '' || editedWording === policy?.statement)) setEditedWording(null);
    setPolicyId(id);
  };

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

  const reset = () => {
    setTitle('');
    setRationale('');
    setCost('');
    setEditedWording(null);
  };

  const save = async (andSubmit: boolean) => {
    const amount = parseCost(cost);
    setCostIssue(amount === null ? 'must be an amount in pounds, e.g. 12,500' : undefined);
    if (amount === null || !team) return;
    create.reset();
    submit.reset();
    const input = { policyId, teamId: team.id, title, proposedStatement: wording, rationale, cost: amount };
    const draft = await create.mutateAsync(input).catch(() => null);
    if (!draft) return;
    reset();
    if (!andSubmit) {
      onSaved(draft, `“${draft.title}” was saved as a draft. Submit it when it is ready for a decision.`);
      return;
    }
    try {
      const after = await submit.mutateAsync({ id: draft.id, version: draft.version });
      onSaved(after, `“${after.title}” was submitted: ${after.approver === 'council' ? 'the CX council' : after.teamName} decides it next.`);
    } catch (error) {
      onSaved(draft, `“${draft.title}” was saved as a draft but not submitted: ${errorMessage(error as Error)}`);
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Enter in a field submits for a decision, the form's first button.
    const intent = (event.nativeEvent as SubmitEvent).submitter?.getAttribute('value');
    void save(intent !== 'draft');
  };

  const amount = parseCost(cost);
  const route = policy && team && amount !== null ? previewRoute(policy, team, amount) : null;
  const pending = create.isPending || submit.isPending;
  const error = create.error ?? null;

  return (
    <form className="form panel propose" onSubmit={onSubmit} noValidate aria-labelledby={`${alertId}-title`} aria-describedby={error ? alertId : undefined}>
      <h2 ref={headingRef} id={`${alertId}-title`} className="panel__title propose__title" tabIndex={-1}>
        Propose a change
      </h2>
      <FormAlert id={alertId} error={error} fields={FIELDS} />
      <div className="form__row">
        <SelectField
          label="Policy"
          name="policyId"
          value={policyId}
          options={policies.map((p) => ({ value: p.id, label: p.name }))}
          onChange={choosePolicy}
          hint={policy ? `Owned by ${policy.ownerTeamName}.` : undefined}
          issue={issueFor(error, 'policyId')}
        />
        <SelectField
          label="Proposing team"
          name="teamId"
          value={team?.id ?? ''}
          options={teams.map((t) => ({ value: t.id, label: `${t.name} (approves up to ${formatGbp(t.spendingAuthority)})` }))}
          onChange={setTeamId}
          hint="The team asking for the change. It decides itself when it holds the policy’s decision right and the cost is within its authority."
          issue={issueFor(error, 'teamId')}
        />
      </div>
      <TextField label="Title" name="title" autoComplete="off" value={title} onChange={setTitle} hint="What changes, in a few words." issue={issueFor(error, 'title')} />
      <TextAreaField
        label="Proposed wording"
        name="proposedStatement"
        rows={4}
        value={wording}
        onChange={setEditedWording}
        hint="The whole policy as it would read after the change; it starts as the current wording."
        issue={issueFor(error, 'proposedStatement')}
      />
      {policy ? <WordingDiffView current={policy.statement} proposed={wording} proposedTitle="Your wording" headingLevel={3} unchangedNote="Edit the wording above: the words you change are marked here." /> : null}
      <div className="form__row">
        <TextAreaField
          label="Rationale"
          name="rationale"
          rows={3}
          required={false}
          value={rationale}
          onChange={setRationale}
          hint="Why: the customer problem, the evidence, the effect on the journey."
          issue={issueFor(error, 'rationale')}
        />
        <CostField label="One-off cost" name="cost" value={cost} onChange={setCost} hint="What making the change costs, once. Enter 0 if nothing." issue={costIssue ?? issueFor(error, 'cost')} />
      </div>
      {route && team ? (
        <p className={`route route--${route.approver}`}>
          <span className="route__who">{route.approver === 'council' ? 'The CX council would decide this.' : `${team.name} would decide this itself.`}</span> {route.reason}
        </p>
      ) : null}
      <div className="propose__buttons">
        <button type="submit" value="submit" className="button button--primary" disabled={pending} aria-busy={pending}>
          {pending ? 'Saving…' : 'Submit for decision'}
        </button>
        <button type="submit" value="draft" className="button button--secondary" disabled={pending}>
          Save as draft
        </button>
      </div>
    </form>
  );
}
