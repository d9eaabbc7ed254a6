import { useMutation } from '@tanstack/react-query';
import { TOKEN_SCOPES, type TokenScope } from '@throughline/domain';
import { useId, useState, type FormEvent } from 'react';
import { issueFor, issueText } from '../common/field-issues.ts';
import { FormAlert } from '../common/form-alert.tsx';
import { OneTimeValue } from '../common/one-time-value.tsx';
import { SelectField } from '../common/select-field.tsx';
import { TextField } from '../common/text-field.tsx';
import { trpc } from '../trpc.ts';
import { scopeDescription } from './scope-label.ts';

const FIELDS = ['name', 'scopes', 'expiresInDays'] as const;
const EXPIRY_DAYS = [30, 90, 365] as const;
/** Days, as the select holds them, or a token that lasts until revoked. */
type Expiry = `${number}` | 'never';

/** The expiries an organisation allows: the usual ones within its longest lifetime, that lifetime itself, and "never" only without one. */
function expiryOptions(maxDays: number | null): { value: Expiry; label: string }[] {
  const days = maxDays === null ? [...EXPIRY_DAYS] : [...new Set([...EXPIRY_DAYS.filter((d) => d < maxDays), maxDays])];
  const options = days.map((d) => ({ value: `${d}` as Expiry, label: d === 365 ? '1 year' : d === 1 ? '1 day' : `${d} days` }));
  return maxDays === null ? [...options, { value: 'never', label: 'Never (until revoked)' }] : options;
}

/** Creates an API token for an integration; the token is shown once, then only its prefix. */
export function CreateTokenForm({ maxLifetimeDays }: { maxLifetimeDays: number | null }) {
  const options = expiryOptions(maxLifetimeDays);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TokenScope[]>(['ingest:write']);
  const [expiry, setExpiry] = useState<Expiry>(maxLifetimeDays === null || maxLifetimeDays >= 90 ? '90' : `${maxLifetimeDays}`);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const alertId = useId();
  const scopesIssueId = useId();

  const create = useMutation(
    trpc.token.create.mutationOptions({
      onSuccess: ({ token }, input) => {
        setCreated({ name: input.name, token });
        setName('');
      },
    }),
  );

  if (created) {
    return (
      <OneTimeValue title={`Token “${created.name}” created`} label="API token" value={created.token} onDone={() => setCreated(null)}>
        <p>
          Copy it now and keep it in your integration’s secret store: Throughline keeps only a hash, so it cannot show it again. Send it as{' '}
          <code>Authorization: Bearer …</code>.
        </p>
      </OneTimeValue>
    );
  }

  const toggle = (scope: TokenScope, on: boolean) => setScopes((s) => (on ? [...s, scope] : s.filter((x) => x !== scope)));
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate({ name, scopes, expiresInDays: expiry === 'never' ? null : Number(expiry) });
  };
  const scopesIssue = issueFor(create.error, 'scopes');

  return (
    <form className="form panel" onSubmit={onSubmit} aria-labelledby={`${alertId}-title`} aria-describedby={create.isError ? alertId : undefined}>
      <h2 id={`${alertId}-title`} className="panel__title">
        Create a token
      </h2>
      <FormAlert id={alertId} error={create.error} fields={FIELDS} />
      <div className="form__row">
        <TextField
          label="Name"
          name="name"
          autoComplete="off"
          value={name}
          onChange={setName}
          hint="Say which integration uses it, e.g. “Survey tool nightly export”."
          issue={issueFor(create.error, 'name')}
        />
        <SelectField
          label="Expires after"
          name="expiresInDays"
          value={expiry}
          options={options}
          onChange={setExpiry}
          issue={issueFor(create.error, 'expiresInDays')}
          hint={maxLifetimeDays === null ? undefined : `Your organisation’s tokens expire within ${maxLifetimeDays} days.`}
        />
      </div>
      <fieldset className="checks" aria-describedby={scopesIssue ? scopesIssueId : undefined}>
        <legend>Scopes</legend>
        {TOKEN_SCOPES.map((scope) => (
          <label key={scope} className="checks__item">
            <input type="checkbox" checked={scopes.includes(scope)} onChange={(e) => toggle(scope, e.target.checked)} />
            <span>
              <code>{scope}</code> <span className="checks__hint">{scopeDescription(scope)}</span>
            </span>
          </label>
        ))}
        {scopesIssue ? (
          <p id={scopesIssueId} className="field__issue">
            {issueText('Scopes', scopesIssue)}
          </p>
        ) : null}
      </fieldset>
      <div>
        <button type="submit" className="button button--primary" disabled={create.isPending} aria-busy={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create token'}
        </button>
      </div>
    </form>
  );
}
