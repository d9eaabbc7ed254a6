import { useMutation } from '@tanstack/react-query';
import { TOKEN_SCOPES, ZCreateTokenInput, type TokenScope } from '@throughline/domain';
import { useState } from 'react';
import { CheckListField } from '../common/check-list-field.tsx';
import { OneTimeValue } from '../common/one-time-value.tsx';
import { PanelForm } from '../common/panel-form.tsx';
import { SelectField } from '../common/select-field.tsx';
import { SubmitButton } from '../common/submit-button.tsx';
import { TextField } from '../common/text-field.tsx';
import { useDraftForm } from '../common/use-draft-form.ts';
import { trpc } from '../trpc.ts';
import { scopeDescription } from './scope-label.ts';

const EXPIRY_DAYS = [30, 90, 365] as const;
/** Days, as the select holds them, or a token that lasts until revoked. */
type Expiry = `${number}` | 'never';

/** The expiries an organisation allows: the usual ones within its longest lifetime, that lifetime itself, and "never" only without one. */
function expiryOptions(maxDays: number | null): { value: Expiry; label: string }[] {
  const days = maxDays === null ? [...EXPIRY_DAYS] : [...new Set([...EXPIRY_DAYS.filter((d) => d < maxDays), maxDays])];
  const options = days.map((d) => ({ value: `${d}` as Expiry, label: d === 365 ? '1 year' : d === 1 ? '1 day' : `${d} days` }));
  return maxDays === null ? [...options, { value: 'never', label: 'Never (until revoked)' }] : options;
}

interface Draft {
  name: string;
  scopes: TokenScope[];
  expiresInDays: Expiry;
}

const SCOPE_OPTIONS = TOKEN_SCOPES.map((scope) => ({ value: scope, label: <code>{scope}</code>, detail: scopeDescription(scope) }));

/** Creates an API token for an integration; the token is shown once, then only its prefix. */
export function CreateTokenForm({ maxLifetimeDays }: { maxLifetimeDays: number | null }) {
  const options = expiryOptions(maxLifetimeDays);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const create = useMutation(
    trpc.token.create.mutationOptions({
      onSuccess: ({ token }, input) => {
        setCreated({ name: input.name, token });
      },
    }),
  );
  const form = useDraftForm({
    initial: (): Draft => ({
      name: '',
      scopes: ['ingest:write'],
      expiresInDays: maxLifetimeDays === null || maxLifetimeDays >= 90 ? '90' : `${maxLifetimeDays}`,
    }),
    toInput: (draft) => ({ ...draft, expiresInDays: draft.expiresInDays === 'never' ? null : Number(draft.expiresInDays) }),
    schema: ZCreateTokenInput,
    submit: async (input): Promise<void> => {
      await create.mutateAsync(input);
      form.reset({ ...form.draft, name: '' });
    },
  });

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

  return (
    <PanelForm
      form={form}
      title="Create a token"
      buttons={<SubmitButton label="Create token" pendingLabel="Creating…" pending={form.submitting} />}
    >
      <div className="form__row">
        <TextField
          label="Name"
          autoComplete="off"
          {...form.field('name')}
          hint="Say which integration uses it, e.g. “Survey tool nightly export”."
        />
        <SelectField
          label="Expires after"
          options={options}
          {...form.field('expiresInDays')}
          hint={maxLifetimeDays === null ? undefined : `Your organisation’s tokens expire within ${maxLifetimeDays} days.`}
        />
      </div>
      <CheckListField
        legend="Scopes"
        options={SCOPE_OPTIONS}
        {...form.field('scopes')}
        onChange={(scopes) => form.set('scopes')(scopes as TokenScope[])}
        empty={null}
      />
    </PanelForm>
  );
}
