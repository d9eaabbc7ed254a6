import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { PageHeader } from '../app/page-header.tsx';
import { EmptyState } from '../common/empty-state.tsx';
import { formatGbp, plural } from '../common/locale-format.ts';
import { QueryView } from '../common/query-state.tsx';
import { trpc } from '../trpc.ts';
import { BudgetChart } from './budget-chart.tsx';
import { BudgetTable } from './budget-table.tsx';
import '../initiatives/backlog.css';
import './budgets.css';

/** Each team's year: annual budget against what funded initiatives commit and spend, and the systems it changes. */
export function BudgetsPage() {
  const budgets = useQuery(trpc.initiative.budgets.queryOptions({}));
  const list = budgets.data ?? [];
  const budget = list.reduce((s, b) => s + b.annualBudget, 0);
  const committed = list.reduce((s, b) => s + b.committed.business + b.committed.technology, 0);
  const technology = list.reduce((s, b) => s + b.committed.technology, 0);
  const spent = list.reduce((s, b) => s + b.spent.business + b.spent.technology, 0);
  const over = list.filter((b) => b.headroom < 0);

  return (
    <div className="page">
      <title>Budgets · Throughline</title>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <Link to="/backlog">Value backlog</Link>
          </li>
          <li aria-current="page">Budgets</li>
        </ol>
      </nav>
      <PageHeader
        title="Budgets"
        lead="What each team’s funded initiatives commit against its annual budget (one-off costs plus a year of running them), what they have spent so far, and how much of it is technology. Ideas and designs commit nothing until they are funded."
      />
      <QueryView
        query={budgets}
        label="budgets"
        rows={5}
        errorTitle="The budgets could not be loaded"
        isEmpty={(l) => l.length === 0}
        empty={
          <EmptyState title="No teams yet">
            <p>
              Budgets belong to teams. Once the operating model has teams with an annual budget, their funded initiatives are counted here.
            </p>
          </EmptyState>
        }
      >
        {(data) => (
          <>
            <dl className="figures budget-figures">
              <div className="figure">
                <dt className="figure__label">Annual budgets</dt>
                <dd className="figure__value">{formatGbp(budget)}</dd>
                <dd className="figure__note">across {plural(data.length, 'team')}</dd>
              </div>
              <div className="figure">
                <dt className="figure__label">Committed</dt>
                <dd className="figure__value">{formatGbp(committed)}</dd>
                <dd className="figure__note">
                  {budget > 0 ? `${Math.round((100 * committed) / budget)}% of the budgets` : 'no budgets set'}
                </dd>
              </div>
              <div className="figure">
                <dt className="figure__label">Of which technology</dt>
                <dd className="figure__value">{formatGbp(technology)}</dd>
                <dd className="figure__note">
                  {committed > 0 ? `${Math.round((100 * technology) / committed)}% of what is committed` : 'nothing committed yet'}
                </dd>
              </div>
              <div className={`figure${over.length > 0 ? ' figure--warning' : ''}`}>
                <dt className="figure__label">Spent so far</dt>
                <dd className="figure__value">{formatGbp(spent)}</dd>
                <dd className={`figure__note${over.length > 0 ? ' figure__note--warning' : ''}`}>
                  {over.length > 0
                    ? `${over.map((b) => b.teamName).join(', ')} committed more than its budget`
                    : 'every team within its budget'}
                </dd>
              </div>
            </dl>

            <section aria-labelledby="budget-chart-heading" className="section">
              <div className="section__header">
                <h2 id="budget-chart-heading" className="section__title">
                  Budget, committed and spent by team
                </h2>
              </div>
              {committed === 0 ? (
                <p className="notice">
                  No initiative is funded yet, so nothing is committed. Funding decisions on designed initiatives commit their cost here.
                </p>
              ) : null}
              <BudgetChart budgets={data} />
              <h3 className="subsection__title">The numbers</h3>
              <BudgetTable budgets={data} />
            </section>

            <section aria-labelledby="budget-systems-heading" className="section">
              <div className="section__header">
                <h2 id="budget-systems-heading" className="section__title">
                  Systems the money changes
                </h2>
                <p className="section__meta">The systems funded initiatives change, by the team paying for them.</p>
              </div>
              <ul className="budget-systems">
                {data.map((b) => (
                  <li key={b.teamId} className="budget-systems__team">
                    <h3 className="budget-systems__name">{b.teamName}</h3>
                    {b.systems.length === 0 ? (
                      <p className="muted">
                        {b.initiatives === 0
                          ? 'Nothing funded yet.'
                          : 'Its funded initiatives name no system: check their technology scope.'}
                      </p>
                    ) : (
                      <ul className="chips">
                        {b.systems.map((s) => (
                          <li key={s.systemId} className="chip chip--system">
                            {s.systemName} · {plural(s.initiatives, 'initiative')}
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          </>
        )}
      </QueryView>
    </div>
  );
}
