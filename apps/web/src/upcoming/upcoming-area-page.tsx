import { Link } from 'react-router';
import { PageHeader } from '../app/page-header.tsx';
import { EmptyState } from '../common/empty-state.tsx';

export type UpcomingArea = 'backlog' | 'insights' | 'scorecard';

interface AreaCopy {
  title: string;
  lead: string;
  emptyTitle: string;
  /** What the area will hold once it is built. */
  willHold: string;
  /** What to do in the meantime, and where. */
  meanwhile: string;
  next: { to: string; label: string };
}

const AREAS: Record<UpcomingArea, AreaCopy> = {
  backlog: {
    title: 'Value backlog',
    lead: 'Initiatives ranked by the value they are expected to deliver.',
    emptyTitle: 'The value backlog is not open yet',
    willHold:
      'Initiatives with their investment case: one-off and running costs split business and technology, the systems they change, expected KPI uplift, annual value, ROI and payback, and where each stands from idea to measured.',
    meanwhile: 'Initiatives will attach to blueprint steps and their failure points. Review your journeys’ blueprints now so the problems are mapped before solutions are proposed.',
    next: { to: '/journeys', label: 'Review journeys' },
  },
  insights: {
    title: 'Insights',
    lead: 'Research findings and customer verbatims, linked to what they explain.',
    emptyTitle: 'The insight repository is not open yet',
    willHold:
      'Interview, survey, analytics and frontline findings, each with its source, date and confidence, linked to the journeys, steps, personas and failure points they rest on.',
    meanwhile: 'Insights will link to blueprint steps. Check that your journeys’ stages and steps are complete so findings have somewhere to land.',
    next: { to: '/journeys', label: 'Review journeys' },
  },
  scorecard: {
    title: 'Executive scorecard',
    lead: 'One view per journey for the people who fund it.',
    emptyTitle: 'The scorecard arrives with measurement',
    willHold:
      'For each journey: its owner, KPIs against target with trend and confidence, value at stake, the costliest failure points, backlog value and delivered outcomes.',
    meanwhile: 'The Operating model page already shows ownership and how fresh your survey and operational data are — the scorecard will build on both.',
    next: { to: '/', label: 'Go to the Operating model' },
  },
};

/** A navigation area that is planned but not built: says what it will hold and what to do now. */
export function UpcomingAreaPage({ area }: { area: UpcomingArea }) {
  const copy = AREAS[area];
  return (
    <div className="page">
      <title>{`${copy.title} · Throughline`}</title>
      <PageHeader title={copy.title} lead={copy.lead} />
      <EmptyState
        title={copy.emptyTitle}
        action={
          <Link className="button button--primary" to={copy.next.to}>
            {copy.next.label}
          </Link>
        }
      >
        <p>{copy.willHold}</p>
        <p>
          <strong>For now:</strong> {copy.meanwhile}
        </p>
      </EmptyState>
    </div>
  );
}
