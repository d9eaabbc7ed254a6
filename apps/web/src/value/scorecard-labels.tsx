import type { OutcomeStatus, ScorecardJourney } from '@throughline/domain';
import { WarningIcon } from '../common/warning-icon.tsx';

type Standing = ScorecardJourney['kpis'][number]['standing'];
type Direction = ScorecardJourney['kpis'][number]['direction'];

/** Where a KPI stands, in words that say which side is bad ("Above target" for lower-is-better), with a mark. */
export function StandingFlag({ standing, direction }: { standing: Standing; direction: Direction }) {
  switch (standing) {
    case 'on_target':
      return (
        <span className="sc-flag sc-flag--ok">
          <span aria-hidden="true">✓ </span>On target
        </span>
      );
    case 'below_target':
      return (
        <span className="sc-flag sc-flag--warning">
          <WarningIcon />
          {direction === 'higher_is_better' ? 'Below target' : 'Above target'}
        </span>
      );
    case 'no_target':
      return <span className="sc-flag sc-flag--muted">No target set</span>;
    case 'no_data':
      return <span className="sc-flag sc-flag--muted">No data yet</span>;
  }
}

const OUTCOME: Record<OutcomeStatus, string> = { achieved: 'Achieved', on_track: 'On track', behind: 'Behind', no_data: 'No data yet' };

/** An outcome's progress towards its target by its date, in words with a mark. */
export function OutcomeFlag({ status }: { status: OutcomeStatus }) {
  const tone = status === 'achieved' || status === 'on_track' ? 'ok' : status === 'behind' ? 'warning' : 'muted';
  return (
    <span className={`sc-flag sc-flag--${tone}`}>
      {status === 'behind' ? <WarningIcon /> : tone === 'ok' ? <span aria-hidden="true">✓ </span> : null}
      {OUTCOME[status]}
    </span>
  );
}
