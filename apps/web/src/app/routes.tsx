import { createBrowserRouter } from 'react-router';
import { SignInPage } from '../auth/sign-in-page.tsx';
import { JourneyPage } from '../journeys/journey-page.tsx';
import { JourneysPage } from '../journeys/journeys-page.tsx';
import { OperatingModelPage } from '../operating-model/operating-model-page.tsx';
import { UpcomingAreaPage } from '../upcoming/upcoming-area-page.tsx';
import { AppShell } from './app-shell.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { RouteErrorPage } from './route-error-page.tsx';

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage />, errorElement: <RouteErrorPage /> },
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
          { path: 'kpis', element: <UpcomingAreaPage area="kpis" /> },
          { path: 'backlog', element: <UpcomingAreaPage area="backlog" /> },
          { path: 'governance', element: <UpcomingAreaPage area="governance" /> },
          { path: 'insights', element: <UpcomingAreaPage area="insights" /> },
          { path: 'scorecard', element: <UpcomingAreaPage area="scorecard" /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
