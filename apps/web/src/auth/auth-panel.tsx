import type { ReactNode } from 'react';
import { BrandMark } from '../app/brand-mark.tsx';
import './auth.css';

interface AuthPanelProps {
  title: string;
  lead?: ReactNode;
  children: ReactNode;
  /** Links to the neighbouring pages: sign in, create an organisation, forgot password. */
  footer?: ReactNode;
}

/** The frame of every page outside the app: sign in, sign up, password reset, invitations. */
export function AuthPanel({ title, lead, children, footer }: AuthPanelProps) {
  return (
    <main id="main" className="sign-in" tabIndex={-1}>
      <title>{`${title} · Throughline`}</title>
      <div className="sign-in__panel">
        <div className="sign-in__brand">
          <BrandMark />
          <span>Throughline</span>
        </div>
        <h1 className="sign-in__title">{title}</h1>
        {lead ? <p className="sign-in__lead">{lead}</p> : null}
        {children}
        {footer ? <div className="sign-in__footer">{footer}</div> : null}
      </div>
    </main>
  );
}
