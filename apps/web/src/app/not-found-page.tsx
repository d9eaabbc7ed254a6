import { Link } from 'react-router';
import { EmptyState } from '../common/empty-state.tsx';

export function NotFoundPage() {
  return (
    <div className="page page--narrow">
      <title>Not found · Throughline</title>
      <EmptyState
        headingLevel={1}
        title="This page does not exist"
        action={
          <Link className="button button--primary" to="/">
            Go to the Operating model
          </Link>
        }
      >
        <p>The address may be mistyped, or the page may have moved. Use the navigation on the left to find your way.</p>
      </EmptyState>
    </div>
  );
}
