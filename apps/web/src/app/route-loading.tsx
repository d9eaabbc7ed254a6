import { LoadingState } from '../common/query-state.tsx';

interface RouteLoadingProps {
  /** Before anything else is drawn (the sign-in pages), rather than inside the shell. */
  boot?: boolean;
}

/** What a route shows while its page's code is still arriving: a status screen readers hear. */
export function RouteLoading({ boot = false }: RouteLoadingProps) {
  return (
    <div className={boot ? 'app-boot' : 'page'}>
      <LoadingState label="the page" rows={boot ? 3 : 4} />
    </div>
  );
}
