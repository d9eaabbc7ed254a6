import { useMutation, useQuery } from '@tanstack/react-query';
import type { Organisation } from '@throughline/domain';
import { useId, useState, type FormEvent } from 'react';
import { PageHeader } from '../app/page-header.tsx';
import { useCan } from '../auth/use-actor.ts';
import { whoCan } from '../auth/who-can.ts';
import { issueFor } from '../common/field-issues.ts';
import { FormAlert } from '../common/form-alert.tsx';
import { QueryView } from '../common/query-state.tsx';
import { SelectField } from '../common/select-field.tsx';
import { trpc } from '../trpc.ts';
import { timeZoneOptions } from './time-zones.ts';
import './organisation-settings.css';

/** The organisation's name, currency and the time zone whose midnight ends a period; admins set the zone. */
export function OrganisationSettingsPage() {
  const organisation = useQuery(trpc.organisation.get.queryOptions());
  const canEdit = useCan('organisation.edit');
  return (
    <div className="page page--narrow">
      <title>Organisation settings · Throughline</title>
      <PageHeader
        title="Organisation settings"
        lead="A period is complete once it has ended in the organisation’s time zone: headlines, statuses, alerts and value at stake use the last complete one."
      />
      <QueryView query={organisation} label="the organisation" rows={3} errorTitle="The organisation could not be loaded">
        {(org) => (
          <section aria-labelledby="org-settings-heading" className="section">
            <h2 id="org-settings-heading" className="section__title">
              {org.name}
            </h2>
            <dl className="org-settings__facts">
              <div>
                <dt>Currency</dt>
                <dd>{org.currency}</dd>
              </div>
            </dl>
            {canEdit ? <TimeZoneForm organisation={org} /> : <p>Time zone: {org.timeZone}. Only {whoCan('organisation.edit')} change it.</p>}
            <h3 className="section__title org-settings__subtitle">API tokens</h3>
            {canEdit ? (
              <TokenLifetimeForm organisation={org} />
            ) : (
              <p>
                {org.maxTokenLifetimeDays === null ? 'API tokens may be created without an expiry.' : `API tokens expire within ${org.maxTokenLifetimeDays} days.`} Only{' '}
                {whoCan('organisation.edit')} change this.
              </p>
            )}
          </section>
        )}
      </QueryView>
    </div>
  );
}

function TimeZoneForm({ organisation }: { organisation: Organisation }) {
  const alertId = useId();
  const [timeZone, setTimeZone] = useState(organisation.timeZone);
  const [saved, setSaved] = useState('');
  const update = useMutation(
    trpc.organisation.updateSettings.mutationOptions({
      onSuccess: (after) => {
        setSaved(`Saved: periods now end at midnight ${after.timeZone}. Each KPI is rebuilt on the new days at its next run.`);
      },
    }),
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved('');
    update.mutate({ timeZone });
  };
  return (
    <form className="form org-settings" onSubmit={submit} aria-describedby={update.isError ? alertId : undefined} noValidate>
      <FormAlert id={alertId} error={update.error} fields={['timeZone']} />
      <SelectField
        label="Time zone"
        name="timeZone"
        value={timeZone}
        options={timeZoneOptions(organisation.timeZone).map((z) => ({ value: z, label: z.replaceAll('_', ' ') }))}
        onChange={setTimeZone}
        issue={issueFor(update.error, 'timeZone')}
        hint="Where the organisation’s days, weeks and months end."
      />
      <div>
        <button type="submit" className="button button--primary" disabled={update.isPending || timeZone === organisation.timeZone} aria-busy={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save time zone'}
        </button>
      </div>
      <p role="status" className="status-note">
        {saved}
      </p>
    </form>
  );
}

const LIFETIME_DAYS = [7, 30, 90, 180, 365, 730];
const lifetimeLabel = (days: number) => (days === 365 ? '1 year' : days === 730 ? '2 years' : `${days} days`);

/** The longest lifetime new API tokens may have; setting or shortening it also brings the tokens already out within it. */
function TokenLifetimeForm({ organisation }: { organisation: Organisation }) {
  const alertId = useId();
  const current = organisation.maxTokenLifetimeDays === null ? 'none' : String(organisation.maxTokenLifetimeDays);
  const [lifetime, setLifetime] = useState(current);
  const [saved, setSaved] = useState('');
  const days = [...new Set([...LIFETIME_DAYS, ...(organisation.maxTokenLifetimeDays === null ? [] : [organisation.maxTokenLifetimeDays])])].sort((a, b) => a - b);
  const update = useMutation(
    trpc.organisation.updateSettings.mutationOptions({
      onSuccess: (after) => {
        const limit = after.maxTokenLifetimeDays;
        if (limit === null) setSaved('Saved: API tokens may be created without an expiry again.');
        else {
          const shortened =
            after.tokensShortened === 0
              ? 'No token already out lasts longer.'
              : `${after.tokensShortened} ${after.tokensShortened === 1 ? 'token' : 'tokens'} already out now ${after.tokensShortened === 1 ? 'expires' : 'expire'} ${lifetimeLabel(limit)} from today.`;
          setSaved(`Saved: new API tokens expire within ${lifetimeLabel(limit)}. ${shortened}`);
        }
      },
    }),
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved('');
    update.mutate({ maxTokenLifetimeDays: lifetime === 'none' ? null : Number(lifetime) });
  };
  return (
    <form className="form org-settings" onSubmit={submit} aria-describedby={update.isError ? alertId : undefined} noValidate>
      <FormAlert id={alertId} error={update.error} fields={['maxTokenLifetimeDays']} />
      <SelectField
        label="Longest API token lifetime"
        name="maxTokenLifetimeDays"
        value={lifetime}
        options={[{ value: 'none', label: 'No limit (tokens may never expire)' }, ...days.map((d) => ({ value: String(d), label: lifetimeLabel(d) }))]}
        onChange={setLifetime}
        issue={issueFor(update.error, 'maxTokenLifetimeDays')}
        hint="New tokens must expire within it. Setting or shortening it also brings tokens already out within it, counted from today."
      />
      <div>
        <button type="submit" className="button button--primary" disabled={update.isPending || lifetime === current} aria-busy={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save token lifetime'}
        </button>
      </div>
      <p role="status" className="status-note">
        {saved}
      </p>
    </form>
  );
}
