import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { EmptyState } from '../common/empty-state.tsx';

/** What a page shows if it fails while rendering, instead of a blank screen. */
export function RouteErrorPage() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <div className="page page--narrow">
      <title>{notFound ? 'Not found · Throughline' : 'Something went wrong · Throughline'}</title>
      <EmptyState
        headingLevel={1}
        title={notFound ? 'This page does not exist' : 'This page could not be shown'}
        action={
          <Link className="button button--primary" to="/">
            Go to the Operating model
          </Link>
        }
      >
        <p>
          {notFound
            ? 'The address may be mistyped, or the page may have moved.'
            : 'Something went wrong while showing this page. Reload to try again; if it keeps happening, tell your Throughline admin.'}
        </p>
      </EmptyState>
    </div>
  );
}
