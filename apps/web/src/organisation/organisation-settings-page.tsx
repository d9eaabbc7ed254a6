import { useMutation, useQuery } from '@tanstack/react-query';
import { ZOrganisationSettingsInput, type Organisation } from '@throughline/domain';
import { useId, useState, type ReactNode } from 'react';
import { PageHeader } from '../app/page-header.tsx';
import { useCan } from '../auth/use-actor.ts';
import { whoCan } from '../auth/who-can.ts';
import { FormAlert } from '../common/form-alert.tsx';
import { QueryView } from '../common/query-state.tsx';
import { SelectField } from '../common/select-field.tsx';
import { SubmitButton } from '../common/submit-button.tsx';
import { useDraftForm, type DraftForm } from '../common/use-draft-form.ts';
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
            {canEdit ? (
              <TimeZoneForm organisation={org} />
            ) : (
              <p>
                Time zone: {org.timeZone}. Only {whoCan('organisation.edit')} change it.
              </p>
            )}
            <h3 className="section__title org-settings__subtitle">API tokens</h3>
            {canEdit ? (
              <TokenLifetimeForm organisation={org} />
            ) : (
              <p>
                {org.maxTokenLifetimeDays === null
                  ? 'API tokens may be created without an expiry.'
                  : `API tokens expire within ${org.maxTokenLifetimeDays} days.`}{' '}
                Only {whoCan('organisation.edit')} change this.
              </p>
            )}
          </section>
        )}
      </QueryView>
    </div>
  );
}

interface SettingFormProps<D extends object> {
  form: DraftForm<D>;
  submitLabel: string;
  /** What the last save changed, said once it has. */
  saved: string;
  children: ReactNode;
}

/** One organisation setting: its field, a save button live only once it is changed, and what saving did. */
function SettingForm<D extends object>({ form, submitLabel, saved, children }: SettingFormProps<D>) {
  const alertId = useId();
  return (
    <form className="form org-settings" {...form.formProps} aria-describedby={form.error ? alertId : undefined} noValidate>
      <FormAlert id={alertId} error={form.error} fields={form.fields} />
      {children}
      <div>
        <SubmitButton label={submitLabel} pending={form.submitting} disabled={!form.dirty} />
      </div>
      <p role="status" className="status-note">
        {saved}
      </p>
    </form>
  );
}

function TimeZoneForm({ organisation }: { organisation: Organisation }) {
  const [saved, setSaved] = useState('');
  const update = useMutation(
    trpc.organisation.updateSettings.mutationOptions({
      onSuccess: async (after) => {
        setSaved(`Saved: periods now end at midnight ${after.timeZone}. Each KPI is rebuilt on the new days at its next run.`);
      },
    }),
  );
  const form = useDraftForm({
    initial: { timeZone: organisation.timeZone },
    toInput: (draft) => draft,
    schema: ZOrganisationSettingsInput,
    submit: async (input): Promise<void> => {
      setSaved('');
      await update.mutateAsync(input);
      form.reset(input);
    },
  });
  return (
    <SettingForm form={form} submitLabel="Save time zone" saved={saved}>
      <SelectField
        label="Time zone"
        options={timeZoneOptions(organisation.timeZone).map((z) => ({ value: z, label: z.replaceAll('_', ' ') }))}
        {...form.field('timeZone')}
        hint="Where the organisation’s days, weeks and months end."
      />
    </SettingForm>
  );
}

const LIFETIME_DAYS = [7, 30, 90, 180, 365, 730];
const lifetimeLabel = (days: number) => (days === 365 ? '1 year' : days === 730 ? '2 years' : `${days} days`);

/** The longest lifetime new API tokens may have; setting or shortening it also brings the tokens already out within it. */
function TokenLifetimeForm({ organisation }: { organisation: Organisation }) {
  const [saved, setSaved] = useState('');
  const days = [
    ...new Set([...LIFETIME_DAYS, ...(organisation.maxTokenLifetimeDays === null ? [] : [organisation.maxTokenLifetimeDays])]),
  ].sort((a, b) => a - b);
  const update = useMutation(
    trpc.organisation.updateSettings.mutationOptions({
      onSuccess: async (after) => {
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
  const form = useDraftForm({
    initial: { maxTokenLifetimeDays: organisation.maxTokenLifetimeDays === null ? 'none' : String(organisation.maxTokenLifetimeDays) },
    toInput: (draft) => ({ maxTokenLifetimeDays: draft.maxTokenLifetimeDays === 'none' ? null : Number(draft.maxTokenLifetimeDays) }),
    schema: ZOrganisationSettingsInput,
    submit: async (input): Promise<void> => {
      setSaved('');
      await update.mutateAsync(input);
      form.reset(form.draft);
    },
  });
  return (
    <SettingForm form={form} submitLabel="Save token lifetime" saved={saved}>
      <SelectField
        label="Longest API token lifetime"
        options={[
          { value: 'none', label: 'No limit (tokens may never expire)' },
          ...days.map((d) => ({ value: String(d), label: lifetimeLabel(d) })),
        ]}
        {...form.field('maxTokenLifetimeDays')}
        hint="New tokens must expire within it. Setting or shortening it also brings tokens already out within it, counted from today."
      />
    </SettingForm>
  );
}
