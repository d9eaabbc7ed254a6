import { createBrowserRouter } from 'react-router';
import { AcceptInvitationPage } from '../auth/accept-invitation-page.tsx';
import { ForgotPasswordPage } from '../auth/forgot-password-page.tsx';
import { ResetPasswordPage } from '../auth/reset-password-page.tsx';
import { SignInPage } from '../auth/sign-in-page.tsx';
import { SignUpPage } from '../auth/sign-up-page.tsx';
import { BacklogPage } from '../backlog/backlog-page.tsx';
import { BudgetsPage } from '../backlog/budgets-page.tsx';
import { InitiativePage } from '../backlog/initiative-page.tsx';
import { DataImportPage } from '../data-import/data-import-page.tsx';
import { GovernancePage } from '../governance/governance-page.tsx';
import { FailurePointsPage } from '../insights/failure-points-page.tsx';
import { InsightsPage } from '../insights/insights-page.tsx';
import { JourneyPage } from '../journeys/journey-page.tsx';
import { JourneysPage } from '../journeys/journeys-page.tsx';
import { KpiDetailPage } from '../kpis/kpi-detail-page.tsx';
import { KpisPage } from '../kpis/kpis-page.tsx';
import { MembersPage } from '../members/members-page.tsx';
import { HealthPage } from '../operating-model/health-page.tsx';
import { OrganisationSettingsPage } from '../organisation/organisation-settings-page.tsx';
import { OperatingModelPage } from '../operating-model/operating-model-page.tsx';
import { OwnershipPage } from '../operating-model/ownership-page.tsx';
import { TeamPage } from '../teams/team-page.tsx';
import { ApiTokensPage } from '../tokens/api-tokens-page.tsx';
import { AcidTestPage } from '../value/acid-test-page.tsx';
import { ScorecardPage } from '../value/scorecard-page.tsx';
import { AppShell } from './app-shell.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { RouteErrorPage } from './route-error-page.tsx';

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage />, errorElement: <RouteErrorPage /> },
  { path: '/sign-up', element: <SignUpPage />, errorElement: <RouteErrorPage /> },
  { path: '/forgot-password', element: <ForgotPasswordPage />, errorElement: <RouteErrorPage /> },
  // The paths the API puts in its emails (publicUrl + /reset-password, /invitation).
  { path: '/reset-password', element: <ResetPasswordPage />, errorElement: <RouteErrorPage /> },
  { path: '/invitation', element: <AcceptInvitationPage />, errorElement: <RouteErrorPage /> },
  {
    element: <AppShell />,
    errorElement: <RouteErrorPage />,
    children: [
      {
        // A page that fails to render shows its error inside the shell, navigation intact.
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <OperatingModelPage /> },
          { path: 'journeys', element: <JourneysPage /> },
          { path: 'journeys/:journeyId', element: <JourneyPage /> },
          { path: 'ownership', element: <OwnershipPage /> },
          { path: 'health', element: <HealthPage /> },
          { path: 'teams/:teamId', element: <TeamPage /> },
          { path: 'kpis', element: <KpisPage /> },
          { path: 'kpis/:kpiId', element: <KpiDetailPage /> },
          { path: 'backlog', element: <BacklogPage /> },
          { path: 'backlog/budgets', element: <BudgetsPage /> },
          { path: 'backlog/:initiativeId', element: <InitiativePage /> },
          { path: 'acid-test', element: <AcidTestPage /> },
          { path: 'governance', element: <GovernancePage /> },
          { path: 'insights', element: <InsightsPage /> },
          { path: 'insights/failure-points', element: <FailurePointsPage /> },
          { path: 'scorecard', element: <ScorecardPage /> },
          { path: 'settings/organisation', element: <OrganisationSettingsPage /> },
          { path: 'settings/people', element: <MembersPage /> },
          { path: 'settings/api-tokens', element: <ApiTokensPage /> },
          { path: 'settings/data-import', element: <DataImportPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
