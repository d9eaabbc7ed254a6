import { AlertsPanel } from '../alerts/alerts-panel.tsx';
import { PageHeader } from '../app/page-header.tsx';
import { HealthSummary } from './health-summary.tsx';
import { JourneysSection } from './journeys-section.tsx';
import { OverviewFigures } from './overview-figures.tsx';
import { TeamsSection } from './teams-section.tsx';
import './operating-model.css';

/** The home page: the organisation's teams, the journeys they own, and the data behind them. */
export function OperatingModelPage() {
  return (
    <div className="page">
      <title>Operating model · Throughline</title>
      <PageHeader
        title="Operating model"
        lead="Who owns each customer journey end to end, what each team can change, and the data that measures it."
      />
      <OverviewFigures />
      <AlertsPanel />
      <HealthSummary />
      <TeamsSection />
      <JourneysSection />
    </div>
  );
}
