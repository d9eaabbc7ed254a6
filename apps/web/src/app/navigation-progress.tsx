import { useNavigation } from 'react-router';

/**
 * While the next page's code is fetched, the current page stays and a bar runs across the top;
 * screen readers hear that the page is loading. (The router has no loaders, so "loading" is
 * only ever a page's chunk.)
 */
export function NavigationProgress() {
  const loading = useNavigation().state === 'loading';
  return (
    <div className={loading ? 'navigation-progress is-loading' : 'navigation-progress'} role="status">
      {loading ? <span className="visually-hidden">Loading the page…</span> : null}
    </div>
  );
}
