import { useQuery } from '@tanstack/react-query';
import type { Initiative } from '@throughline/domain';
import { Link } from 'react-router';
import { formatCount, formatGbp, plural } from '../common/locale-format.ts';
import { QueryView } from '../common/query-state.tsx';
import { trpc } from '../trpc.ts';

/** The problem: its statement and the costed failure points it fixes, with what they cost a year. */
export function ProblemSection({ initiative: i }: { initiative: Initiative }) {
  const failurePoints = useQuery(trpc.failurePoint.list.queryOptions({}));
  return (
    <section id="problem" aria-labelledby="problem-heading" className="section">
      <div className="section__header">
        <h2 id="problem-heading" className="section__title">
          Problem
        </h2>
        <Link to="/insights/failure-points" className="section__link">
          All failure points
        </Link>
      </div>
      {i.problem ? <p className="prose">{i.problem}</p> : null}
      {i.failurePointIds.length === 0 ? (
        <p className="muted">
          {i.problem
            ? 'No failure points linked: link the costed failures it fixes to put a number on the problem.'
            : 'Not described yet: link the failure points it fixes, or state the problem.'}
        </p>
      ) : (
        <QueryView query={failurePoints} label="failure points" rows={2} errorTitle="The failure points could not be loaded">
          {(all) => {
            const linked = all.filter((f) => i.failurePointIds.includes(f.id));
            const total = linked.reduce((sum, f) => sum + f.annualCost, 0);
            return (
              <div className="table-wrap">
                <table className="table">
                  <caption className="visually-hidden">Failure points this initiative fixes, with their annual cost</caption>
                  <thead>
                    <tr>
                      <th scope="col">Failure point</th>
                      <th scope="col" className="num">
                        Gap
                      </th>
                      <th scope="col" className="num">
                        How often
                      </th>
                      <th scope="col" className="num">
                        Annual cost
                      </th>
                      <th scope="col" className="num">
                        Evidence
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {linked.map((f) => (
                      <tr key={f.id}>
                        <th scope="row" className="problem__point">
                          <span className="problem__title">{f.title}</span>
                          <span className="problem__step">{f.stepName}</span>
                        </th>
                        <td className="num">
                          {f.expectation} expected, {f.capability} delivered
                        </td>
                        <td className="num">
                          {formatCount(f.frequency)} a {f.frequencyPeriod}
                        </td>
                        <td className="num">{formatGbp(f.annualCost)}</td>
                        <td className="num">{f.evidenceCount === 0 ? 'None' : plural(f.evidenceCount, 'insight')}</td>
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row">Cost of these failures a year</th>
                      <td colSpan={2} />
                      <td className="num">{formatGbp(total)}</td>
                      <td />
                    </tr>
                  </tfoot>
                </table>
              </div>
            );
          }}
        </QueryView>
      )}
    </section>
  );
}
