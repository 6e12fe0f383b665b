import { lazy, type ComponentType, type ReactElement } from 'react';

export interface Screen {
  path: string;
  label: string;
  element: ReactElement;
  /** Shown in the navigation (detail pages are routes but not nav entries). */
  nav: boolean;
  /** Drawn on its own, without the app's frame (the chair's display on a second screen). */
  bare?: boolean;
  /** The navigation group it sits in: the board's work, or looking after the board file itself. */
  group?: 'admin';
}

/**
 * A screen loaded when it is first shown: each is its own chunk, so the first page carries
 * neither the charts (chart.js) nor the minutes editor (TipTap) nor any screen it does not show.
 * The frame shows "Loading…" (a Suspense boundary round the outlet) while a chunk arrives.
 */
function screen<K extends string>(
  load: () => Promise<Record<K, ComponentType<object>>>,
  name: K,
): ReactElement {
  const Component: ComponentType<object> = lazy(() =>
    load().then((m): { default: ComponentType<object> } => ({ default: m[name] })),
  );
  return <Component />;
}

/**
 * Every screen of the app. A screen appears here only once its feature works end to end:
 * navigation never leads to an empty page. Order: Dashboard, Strategy, Scorecard, Meetings,
 * Forward plan, Actions, Member visits, Voice of the child, Reports; then, under Admin, Settings,
 * Audit log, Backups and Bin.
 */
export const screens: Screen[] = [
  {
    path: '/',
    label: 'Dashboard',
    element: screen(() => import('./screens/dashboard/DashboardScreen'), 'DashboardScreen'),
    nav: true,
  },
  {
    path: '/strategy',
    label: 'Strategy',
    element: screen(() => import('./screens/strategy/StrategyScreen'), 'StrategyScreen'),
    nav: true,
  },
  {
    path: '/strategy/priority/:id',
    label: 'Priority',
    element: screen(() => import('./screens/strategy/PriorityScreen'), 'PriorityScreen'),
    nav: false,
  },
  {
    path: '/strategy/plan',
    label: 'Action plan',
    element: screen(() => import('./screens/strategy/PlanScreen'), 'PlanScreen'),
    nav: false,
  },
  {
    path: '/scorecard',
    label: 'Scorecard',
    element: screen(() => import('./screens/scorecard/ScorecardScreen'), 'ScorecardScreen'),
    nav: true,
  },
  {
    path: '/scorecard/measure/:id',
    label: 'Measure',
    element: screen(() => import('./screens/scorecard/MeasureDetailScreen'), 'MeasureDetailScreen'),
    nav: false,
  },
  {
    path: '/scorecard/cohort',
    label: 'Children in care profile',
    element: screen(() => import('./screens/scorecard/CohortScreen'), 'CohortScreen'),
    nav: false,
  },
  {
    path: '/scorecard/snapshot/:meetingId',
    label: 'Scorecard snapshot',
    element: screen(() => import('./screens/scorecard/SnapshotScreen'), 'SnapshotScreen'),
    nav: false,
  },
  {
    path: '/import',
    label: 'Import figures',
    element: screen(() => import('./screens/import/ImportScreen'), 'ImportScreen'),
    nav: false,
  },
  {
    path: '/meetings',
    label: 'Meetings',
    element: screen(() => import('./screens/meetings/MeetingsScreen'), 'MeetingsScreen'),
    nav: true,
  },
  {
    path: '/meetings/:id',
    label: 'Meeting',
    element: screen(() => import('./screens/meetings/MeetingScreen'), 'MeetingScreen'),
    nav: false,
  },
  {
    path: '/meetings/:id/live',
    label: 'Live meeting',
    element: screen(() => import('./screens/meetings/LiveMeetingScreen'), 'LiveMeetingScreen'),
    nav: false,
  },
  {
    path: '/forward-plan',
    label: 'Forward plan',
    element: screen(() => import('./screens/forward/ForwardPlanScreen'), 'ForwardPlanScreen'),
    nav: true,
  },
  {
    path: '/meetings/:id/display',
    label: 'Chair’s display',
    element: screen(() => import('./screens/meetings/display/ChairDisplay'), 'ChairDisplayScreen'),
    nav: false,
    bare: true,
  },
  {
    path: '/actions',
    label: 'Actions',
    element: screen(() => import('./screens/actions/ActionsScreen'), 'ActionsScreen'),
    nav: true,
  },
  {
    path: '/actions/matters-arising/:meetingId',
    label: 'Matters arising',
    element: screen(() => import('./screens/actions/MattersArisingScreen'), 'MattersArisingScreen'),
    nav: false,
  },
  {
    path: '/visits',
    label: 'Member visits',
    element: screen(() => import('./screens/visits/VisitsScreen'), 'VisitsScreen'),
    nav: true,
  },
  {
    path: '/voice',
    label: 'Voice of the child',
    element: screen(() => import('./screens/voice/VoiceScreen'), 'VoiceScreen'),
    nav: true,
  },
  {
    path: '/reports',
    label: 'Reports',
    element: screen(() => import('./screens/reports/ReportsScreen'), 'ReportsScreen'),
    nav: true,
  },
  {
    path: '/search',
    label: 'Search',
    element: screen(() => import('./screens/search/SearchScreen'), 'SearchScreen'),
    nav: false,
  },
  {
    path: '/settings',
    label: 'Settings',
    element: screen(() => import('./screens/settings/SettingsScreen'), 'SettingsScreen'),
    nav: true,
    group: 'admin',
  },
  {
    path: '/audit',
    label: 'Audit log',
    element: screen(() => import('./screens/audit/AuditLogScreen'), 'AuditLogScreen'),
    nav: true,
    group: 'admin',
  },
  {
    path: '/backups',
    label: 'Backups',
    element: screen(() => import('./screens/backups/BackupsScreen'), 'BackupsScreen'),
    nav: true,
    group: 'admin',
  },
  {
    path: '/bin',
    label: 'Bin',
    element: screen(() => import('./screens/bin/BinScreen'), 'BinScreen'),
    nav: true,
    group: 'admin',
  },
];
