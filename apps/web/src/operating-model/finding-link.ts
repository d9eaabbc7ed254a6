import type { Finding } from '@throughline/domain';

/** Where each kind of gap is fixed, and how the link to it reads. */
const FIX_PAGE: Record<Finding['fixAt']['area'], { href: (id: string) => string; label: string }> = {
  journey: { href: (id) => `/journeys/${id}`, label: 'Fix on the journey' },
  team: { href: (id) => `/teams/${id}`, label: 'Fix on the team page' },
  // Systems, KPIs and policies live in lists; the anchor brings the row into view.
  system: { href: (id) => `/ownership#system-${id}`, label: 'Fix in the systems list' },
  kpi: { href: (id) => `/kpis#kpi-${id}`, label: 'Fix in the KPI list' },
  policy: { href: (id) => `/governance#policy-${id}`, label: 'Fix in governance' },
};

/** The page (and anchor) where a finding is fixed. */
export function findingHref(fixAt: Finding['fixAt']): string {
  return FIX_PAGE[fixAt.area].href(fixAt.id);
}

/** The visible words of the link to where a finding is fixed. */
export function findingLinkLabel(fixAt: Finding['fixAt']): string {
  return FIX_PAGE[fixAt.area].label;
}
