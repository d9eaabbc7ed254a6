import { useQuery } from '@tanstack/react-query';
import { PageHeader } from '../app/page-header.tsx';
import { useCan } from '../auth/use-actor.ts';
import { whoCan } from '../auth/who-can.ts';
import { plural } from '../common/locale-format.ts';
import { QueryView } from '../common/query-state.tsx';
import { trpc } from '../trpc.ts';
import { InviteMemberForm } from './invite-member-form.tsx';
import { MembersTable } from './members-table.tsx';

/** Who belongs to the organisation, in which role; admins invite and manage people here. */
export function MembersPage() {
  const canManage = useCan('member.manage');
  const members = useQuery(trpc.member.list.queryOptions());

  return (
    <>
      <title>People · Throughline</title>
      <PageHeader
        title="People"
        lead={
          canManage
            ? 'Everyone in your organisation and what their role lets them do. Invite colleagues, change roles, or remove access.'
            : `Everyone in your organisation and their role. Only ${whoCan('member.manage')} invite people or change roles.`
        }
      >
        {members.data ? <p className="page-header__meta">{plural(members.data.length, 'member')}</p> : null}
      </PageHeader>
      {canManage ? <InviteMemberForm /> : null}
      <section aria-labelledby="members-heading" className="section">
        <div className="section__header">
          <h2 id="members-heading" className="section__title">
            Members
          </h2>
        </div>
        <QueryView query={members} label="members" rows={4} errorTitle="The members could not be loaded">
          {(list) => <MembersTable members={list} canManage={canManage} />}
        </QueryView>
      </section>
    </>
  );
}
