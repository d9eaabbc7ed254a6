import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { EmptyState } from '../common/empty-state.tsx';
import { isChunkLoadError } from './chunk-load-error.ts';

/** What a page shows if its code cannot be fetched or it fails while rendering, instead of a blank screen. */
export function RouteErrorPage() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const home = (
    <Link className={notFound ? 'button button--primary' : 'button button--secondary'} to="/">
      Go to the Operating model
    </Link>
  );
  if (notFound) {
    return (
      <div className="page page--narrow">
        <title>Not found · Throughline</title>
        <EmptyState headingLevel={1} title="This page does not exist" action={home}>
          <p>The address may be mistyped, or the page may have moved.</p>
        </EmptyState>
      </div>
    );
  }
  // A reload fetches the page afresh (it is never cached), so it names the current release's chunks.
  const reload = (
    <>
      <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
        Reload
      </button>
      {home}
    </>
  );
  return (
    <div className="page page--narrow">
      <title>{isChunkLoadError(error) ? 'Not loaded · Throughline' : 'Something went wrong · Throughline'}</title>
      {isChunkLoadError(error) ? (
        <EmptyState headingLevel={1} title="This page could not be loaded" action={reload}>
          <p>Throughline may have been updated since this tab was opened, or the connection dropped. Reload to get the latest version.</p>
        </EmptyState>
      ) : (
        <EmptyState headingLevel={1} title="This page could not be shown" action={reload}>
          <p>Something went wrong while showing this page. Reload to try again; if it keeps happening, tell your Throughline admin.</p>
        </EmptyState>
      )}
    </div>
  );
}
