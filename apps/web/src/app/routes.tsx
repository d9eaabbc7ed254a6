import { createBrowserRouter } from 'react-router';
import { AppShell } from './app-shell.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { RouteErrorPage } from './route-error-page.tsx';
import { RouteLoading } from './route-loading.tsx';

// Each page's code (and the libraries only it uses: charts, CSV parsing) is its own chunk,
// fetched when the route is first visited, so the first page does not wait for every feature.
// The router starts the fetch as navigation begins; a chunk that fails to load is the route's
// error, shown by RouteErrorPage with a way to reload. (The function form of `lazy`: with the
// object form, React Router 7 drops a failed Component import and draws an empty page.)
export const router = createBrowserRouter([
  {
    errorElement: <RouteErrorPage />,
    hydrateFallbackElement: <RouteLoading boot />,
    children: [
      { path: '/sign-in', lazy: async () => ({ Component: (await import('../auth/sign-in-page.tsx')).SignInPage }) },
      { path: '/sign-up', lazy: async () => ({ Component: (await import('../auth/sign-up-page.tsx')).SignUpPage }) },
      {
        path: '/forgot-password',
        lazy: async () => ({ Component: (await import('../auth/forgot-password-page.tsx')).ForgotPasswordPage }),
      },
      // The paths the API puts in its emails (publicUrl + /reset-password, /invitation).
      { path: '/reset-password', lazy: async () => ({ Component: (await import('../auth/reset-password-page.tsx')).ResetPasswordPage }) },
      { path: '/invitation', lazy: async () => ({ Component: (await import('../auth/accept-invitation-page.tsx')).AcceptInvitationPage }) },
    ],
  },
  {
    element: <AppShell />,
    errorElement: <RouteErrorPage />,
    children: [
      {
        // A page that fails to render, or whose code fails to load, shows its error inside the
        // shell, navigation intact. On the first load the shell draws while the page's code
        // arrives, with RouteLoading in its place.
        errorElement: <RouteErrorPage />,
        hydrateFallbackElement: <RouteLoading />,
        children: [
          {
            index: true,
            lazy: async () => ({ Component: (await import('../operating-model/operating-model-page.tsx')).OperatingModelPage }),
          },
          { path: 'journeys', lazy: async () => ({ Component: (await import('../journeys/journeys-page.tsx')).JourneysPage }) },
          { path: 'journeys/:journeyId', lazy: async () => ({ Component: (await import('../journeys/journey-page.tsx')).JourneyPage }) },
          { path: 'ownership', lazy: async () => ({ Component: (await import('../operating-model/ownership-page.tsx')).OwnershipPage }) },
          { path: 'health', lazy: async () => ({ Component: (await import('../operating-model/health-page.tsx')).HealthPage }) },
          { path: 'teams/:teamId', lazy: async () => ({ Component: (await import('../teams/team-page.tsx')).TeamPage }) },
          { path: 'kpis', lazy: async () => ({ Component: (await import('../kpis/kpis-page.tsx')).KpisPage }) },
          { path: 'kpis/:kpiId', lazy: async () => ({ Component: (await import('../kpis/kpi-detail-page.tsx')).KpiDetailPage }) },
          { path: 'backlog', lazy: async () => ({ Component: (await import('../initiatives/backlog-page.tsx')).BacklogPage }) },
          { path: 'backlog/budgets', lazy: async () => ({ Component: (await import('../budgets/budgets-page.tsx')).BudgetsPage }) },
          { path: 'backlog/benefits', lazy: async () => ({ Component: (await import('../benefits/benefits-page.tsx')).BenefitsPage }) },
          {
            path: 'backlog/:initiativeId',
            lazy: async () => ({ Component: (await import('../initiatives/initiative-page.tsx')).InitiativePage }),
          },
          { path: 'acid-test', lazy: async () => ({ Component: (await import('../acid-test/acid-test-page.tsx')).AcidTestPage }) },
          { path: 'governance', lazy: async () => ({ Component: (await import('../governance/governance-page.tsx')).GovernancePage }) },
          { path: 'insights', lazy: async () => ({ Component: (await import('../insights/insights-page.tsx')).InsightsPage }) },
          {
            path: 'insights/failure-points',
            lazy: async () => ({ Component: (await import('../failure-points/failure-points-page.tsx')).FailurePointsPage }),
          },
          { path: 'scorecard', lazy: async () => ({ Component: (await import('../scorecard/scorecard-page.tsx')).ScorecardPage }) },
          {
            path: 'settings/organisation',
            lazy: async () => ({ Component: (await import('../organisation/organisation-settings-page.tsx')).OrganisationSettingsPage }),
          },
          { path: 'settings/people', lazy: async () => ({ Component: (await import('../members/members-page.tsx')).MembersPage }) },
          { path: 'settings/api-tokens', lazy: async () => ({ Component: (await import('../tokens/api-tokens-page.tsx')).ApiTokensPage }) },
          {
            path: 'settings/data-import',
            lazy: async () => ({ Component: (await import('../data-import/data-import-page.tsx')).DataImportPage }),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
