import type { ReactElement } from 'react';
import { DashboardScreen } from './screens/dashboard/DashboardScreen';

export interface Screen {
  path: string;
  label: string;
  element: ReactElement;
  /** Shown in the navigation (detail pages are routes but not nav entries). */
  nav: boolean;
}

/**
 * Every screen of the app. A screen appears here only once its feature works end to end:
 * navigation never leads to an empty page. Order: Dashboard, Strategy, Scorecard, Meetings,
 * Actions, Voice of the child, Reports, Settings.
 */
export const screens: Screen[] = [
  { path: '/', label: 'Dashboard', element: <DashboardScreen />, nav: true },
];
