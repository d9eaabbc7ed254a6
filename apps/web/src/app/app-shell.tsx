import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { Link, Navigate, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { roleLabel } from '../auth/role-label.ts';
import { SignOutButton } from '../auth/sign-out-button.tsx';
import { ErrorState, LoadingState } from '../common/query-state.tsx';
import { trpc } from '../trpc.ts';
import { BrandMark } from './brand-mark.tsx';
import { useFocusOnNavigate } from './focus-on-navigate.ts';
import { MainNav } from './main-nav.tsx';
import { NavigationProgress } from './navigation-progress.tsx';

/** The frame around every signed-in page; sends anyone not signed in to the sign-in page. */
export function AppShell() {
  const me = useQuery(trpc.auth.me.queryOptions());
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  useFocusOnNavigate(mainRef);

  if (me.isPending) {
    return (
      <div className="app-boot">
        <LoadingState label="Throughline" rows={3} />
      </div>
    );
  }
  if (me.isError) {
    return (
      <div className="app-boot">
        <ErrorState
          title="Throughline could not load your session"
          error={me.error}
          onRetry={() => void me.refetch()}
          retrying={me.isFetching}
        />
      </div>
    );
  }
  if (!me.data) return <Navigate to="/sign-in" replace state={{ from: `${location.pathname}${location.search}` }} />;

  const actor = me.data;
  return (
    <div className="shell">
      <NavigationProgress />
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="shell__header">
        <Link to="/" className="shell__brand">
          <BrandMark />
          <span>Throughline</span>
        </Link>
        <span className="shell__org" title="Organisation">
          {actor.organisationName}
        </span>
        <div className="shell__account">
          <div className="shell__person">
            <span className="shell__person-name">{actor.displayName}</span>
            <span className="shell__person-role">{roleLabel(actor.role)}</span>
          </div>
          <SignOutButton />
        </div>
      </header>
      <div className="shell__body">
        <aside className="shell__sidebar">
          <MainNav />
        </aside>
        <main id="main" ref={mainRef} tabIndex={-1} className="shell__main">
          <Outlet />
        </main>
      </div>
      <ScrollRestoration />
    </div>
  );
}
