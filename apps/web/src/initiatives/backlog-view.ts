import { INITIATIVE_STAGES, type Initiative, type InitiativeStage } from '@throughline/domain';

export type BacklogLayout = 'board' | 'list';
export type SortKey = 'priority' | 'annualValue' | 'roi' | 'payback' | 'cost';
export type SortDirection = 'asc' | 'desc';

/** The backlog's view as kept in the address: layout, filters ('' for any) and the list's order. */
export interface BacklogView {
  layout: BacklogLayout;
  journey: string;
  team: string;
  stage: InitiativeStage | '';
  sort: SortKey;
  direction: SortDirection;
}

export const SORT_KEYS: readonly SortKey[] = ['priority', 'annualValue', 'roi', 'payback', 'cost'];

/** Each column's first click: the better end first (highest value, quickest payback, cheapest). */
export const NATURAL_DIRECTION: Record<SortKey, SortDirection> = {
  priority: 'desc',
  annualValue: 'desc',
  roi: 'desc',
  payback: 'asc',
  cost: 'asc',
};

export const DEFAULT_VIEW: BacklogView = { layout: 'board', journey: '', team: '', stage: '', sort: 'priority', direction: 'desc' };

const isStage = (s: string | null): s is InitiativeStage => s !== null && (INITIATIVE_STAGES as readonly string[]).includes(s);
const isSortKey = (s: string | null): s is SortKey => s !== null && (SORT_KEYS as readonly string[]).includes(s);

/** Reads the view from search params, ignoring anything it does not recognise. */
export function readView(params: URLSearchParams): BacklogView {
  const sort = params.get('sort');
  const key = isSortKey(sort) ? sort : DEFAULT_VIEW.sort;
  const dir = params.get('dir');
  const stage = params.get('stage');
  return {
    layout: params.get('view') === 'list' ? 'list' : 'board',
    journey: params.get('journey') ?? '',
    team: params.get('team') ?? '',
    stage: isStage(stage) ? stage : '',
    sort: key,
    direction: dir === 'asc' || dir === 'desc' ? dir : NATURAL_DIRECTION[key],
  };
}

/** The view as search params, leaving out whatever is the default so shared links stay short. */
export function writeView(view: BacklogView): Record<string, string> {
  const out: Record<string, string> = {};
  if (view.layout !== DEFAULT_VIEW.layout) out.view = view.layout;
  if (view.journey) out.journey = view.journey;
  if (view.team) out.team = view.team;
  if (view.stage) out.stage = view.stage;
  if (view.sort !== DEFAULT_VIEW.sort) out.sort = view.sort;
  if (view.direction !== NATURAL_DIRECTION[view.sort]) out.dir = view.direction;
  return out;
}

export function matchesView(i: Initiative, view: Pick<BacklogView, 'journey' | 'team' | 'stage'>): boolean {
  return (
    (!view.journey || i.journeyId === view.journey) && (!view.team || i.teamId === view.team) && (!view.stage || i.stage === view.stage)
  );
}

function sortValue(i: Initiative, key: SortKey): number | null {
  switch (key) {
    case 'priority':
      return i.figures.priority;
    case 'annualValue':
      return i.figures.annualValue;
    case 'roi':
      return i.figures.roi;
    case 'payback':
      return i.figures.paybackMonths;
    // What a funding decision commits: one-off plus a year of running costs.
    case 'cost':
      return i.figures.oneOff + i.figures.annualRunning;
  }
}

/** Sorted by one figure; initiatives without it come last either way, then by title. */
export function sortInitiatives(list: readonly Initiative[], key: SortKey, direction: SortDirection): Initiative[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...list].sort((a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    if (x === null || y === null) return x === y ? a.title.localeCompare(b.title) : x === null ? 1 : -1;
    return sign * (x - y) || a.title.localeCompare(b.title);
  });
}

/** The next order after clicking a column: flip it if it is the current one, else its natural order. */
export function toggleSort(view: BacklogView, key: SortKey): Pick<BacklogView, 'sort' | 'direction'> {
  if (view.sort !== key) return { sort: key, direction: NATURAL_DIRECTION[key] };
  return { sort: key, direction: view.direction === 'asc' ? 'desc' : 'asc' };
}
