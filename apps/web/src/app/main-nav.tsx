import { roleReach, type Permission } from '@throughline/domain';
import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { useActor } from '../auth/use-actor.ts';

interface NavItem {
  to: string;
  label: string;
  icon: ReactNode;
  /** Only the exact path counts as current (the root would otherwise match everything). */
  end?: boolean;
}

interface SettingsItem extends NavItem {
  /** Shown only to those whose role holds it; the page and the API check again. */
  permission: Permission;
}

const ICON_PROPS = {
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.8,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  'aria-hidden': true,
  focusable: false,
  className: 'main-nav__icon',
} as const;

const ITEMS: NavItem[] = [
  {
    to: '/',
    label: 'Operating model',
    end: true,
    icon: (
      <svg {...ICON_PROPS}>
        <rect x="3" y="3" width="7" height="7" rx="1.5" />
        <rect x="14" y="3" width="7" height="7" rx="1.5" />
        <rect x="3" y="14" width="7" height="7" rx="1.5" />
        <path d="M14 17.5h7M17.5 14v7" />
      </svg>
    ),
  },
  {
    to: '/journeys',
    label: 'Journeys',
    icon: (
      <svg {...ICON_PROPS}>
        <circle cx="5" cy="6" r="2" />
        <circle cx="19" cy="18" r="2" />
        <path d="M7 6h7a3 3 0 0 1 0 6h-4a3 3 0 0 0 0 6h7" />
      </svg>
    ),
  },
  {
    to: '/kpis',
    label: 'KPIs',
    icon: (
      <svg {...ICON_PROPS}>
        <path d="M4 20V10M10 20V4M16 20v-7M22 20H2" />
      </svg>
    ),
  },
  {
    to: '/backlog',
    label: 'Backlog',
    icon: (
      <svg {...ICON_PROPS}>
        <path d="M8 6h13M8 12h13M8 18h13" />
        <path d="M3 6h.01M3 12h.01M3 18h.01" />
      </svg>
    ),
  },
  {
    to: '/governance',
    label: 'Governance',
    icon: (
      <svg {...ICON_PROPS}>
        <path d="M12 3 4 6v6c0 4.5 3.4 8 8 9 4.6-1 8-4.5 8-9V6l-8-3Z" />
        <path d="m9 12 2 2 4-4" />
      </svg>
    ),
  },
  {
    to: '/insights',
    label: 'Insights',
    icon: (
      <svg {...ICON_PROPS}>
        <path d="M9 18h6M10 21h4" />
        <path d="M12 3a6 6 0 0 0-3.5 10.9c.6.4 1 1.1 1 1.9V16h5v-.2c0-.8.4-1.5 1-1.9A6 6 0 0 0 12 3Z" />
      </svg>
    ),
  },
  {
    to: '/acid-test',
    label: 'Acid test',
    icon: (
      <svg {...ICON_PROPS}>
        <path d="M9 3h6M10 3v6l-5 9a2 2 0 0 0 1.7 3h10.6a2 2 0 0 0 1.7-3l-5-9V3" />
        <path d="M7.5 15h9" />
      </svg>
    ),
  },
  {
    to: '/scorecard',
    label: 'Scorecard',
    icon: (
      <svg {...ICON_PROPS}>
        <rect x="3" y="4" width="18" height="16" rx="2" />
        <path d="M7 15l3-3 3 2 4-5" />
      </svg>
    ),
  },
];

const SETTINGS: SettingsItem[] = [
  {
    to: '/settings/organisation',
    label: 'Organisation settings',
    permission: 'organisation.edit',
    icon: (
      <svg {...ICON_PROPS}>
        <circle cx="12" cy="12" r="3" />
        <path d="M12 2v3M12 19v3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M2 12h3M19 12h3M4.9 19.1 7 17M17 7l2.1-2.1" />
      </svg>
    ),
  },
  {
    to: '/settings/people',
    label: 'People',
    permission: 'member.read',
    icon: (
      <svg {...ICON_PROPS}>
        <circle cx="9" cy="8" r="3.5" />
        <path d="M2.5 20c.8-3.6 3.3-5.5 6.5-5.5s5.7 1.9 6.5 5.5" />
        <path d="M16 4.8a3.5 3.5 0 0 1 0 6.4M18.5 14.8c1.6.8 2.6 2.5 3 5.2" />
      </svg>
    ),
  },
  {
    to: '/settings/data-import',
    label: 'Data import',
    permission: 'ingest.write',
    icon: (
      <svg {...ICON_PROPS}>
        <path d="M12 3v12M7 10l5 5 5-5" />
        <path d="M4 17v3h16v-3" />
      </svg>
    ),
  },
  {
    to: '/settings/api-tokens',
    label: 'API tokens',
    permission: 'token.manage',
    icon: (
      <svg {...ICON_PROPS}>
        <circle cx="8" cy="15" r="4" />
        <path d="M11 12l9-9M17 6l3 3M14.5 8.5l2.5 2.5" />
      </svg>
    ),
  },
];

function NavItems({ items }: { items: NavItem[] }) {
  return (
    <ul>
      {items.map((item) => (
        <li key={item.to}>
          <NavLink to={item.to} end={item.end ?? false} className="main-nav__link">
            {item.icon}
            <span>{item.label}</span>
          </NavLink>
        </li>
      ))}
    </ul>
  );
}

/** The app's main navigation; NavLink marks the current page with aria-current="page". */
export function MainNav() {
  const actor = useActor();
  const settings = SETTINGS.filter((item) => actor && roleReach(actor.role, item.permission));
  return (
    <nav aria-label="Main" className="main-nav">
      <NavItems items={ITEMS} />
      {settings.length > 0 ? (
        <>
          <p className="main-nav__group">Organisation</p>
          <NavItems items={settings} />
        </>
      ) : null}
    </nav>
  );
}
