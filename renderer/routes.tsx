import type { ReactElement } from 'react';
import { DashboardScreen } from './screens/dashboard/DashboardScreen';
import { ImportScreen } from './screens/import/ImportScreen';
import { StrategyScreen, PriorityScreen, PlanScreen } from './screens/strategy';
import { ScorecardScreen, MeasureDetailScreen, CohortScreen, SnapshotScreen } from './screens/scorecard';
import { ActionsScreen } from './screens/actions/ActionsScreen';
import { MattersArisingScreen } from './screens/actions/MattersArisingScreen';
import { VoiceScreen } from './screens/voice/VoiceScreen';
import { ReportsScreen } from './screens/reports/ReportsScreen';
import { SearchScreen } from './screens/search/SearchScreen';
import { ChairDisplayScreen } from './screens/meetings/display/ChairDisplay';
import { LiveMeetingScreen } from './screens/meetings/LiveMeetingScreen';
import { MeetingScreen } from './screens/meetings/MeetingScreen';
import { MeetingsScreen } from './screens/meetings/MeetingsScreen';
import { SettingsScreen } from './screens/settings/SettingsScreen';
import { BinScreen } from './screens/bin/BinScreen';
import { AuditLogScreen } from './screens/audit/AuditLogScreen';
import { ForwardPlanScreen } from './screens/forward/ForwardPlanScreen';
import { VisitsScreen } from './screens/visits/VisitsScreen';
import { BackupsScreen } from './screens/backups/BackupsScreen';

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
 * Every screen of the app. A screen appears here only once its feature works end to end:
 * navigation never leads to an empty page. Order: Dashboard, Strategy, Scorecard, Meetings,
 * Forward plan, Actions, Member visits, Voice of the child, Reports; then, under Admin, Settings,
 * Audit log, Backups and Bin.
 */
export const screens: Screen[] = [
  { path: '/', label: 'Dashboard', element: <DashboardScreen />, nav: true },
  { path: '/strategy', label: 'Strategy', element: <StrategyScreen />, nav: true },
  { path: '/strategy/priority/:id', label: 'Priority', element: <PriorityScreen />, nav: false },
  { path: '/strategy/plan', label: 'Action plan', element: <PlanScreen />, nav: false },
  { path: '/scorecard', label: 'Scorecard', element: <ScorecardScreen />, nav: true },
  { path: '/scorecard/measure/:id', label: 'Measure', element: <MeasureDetailScreen />, nav: false },
  { path: '/scorecard/cohort', label: 'Children in care profile', element: <CohortScreen />, nav: false },
  {
    path: '/scorecard/snapshot/:meetingId',
    label: 'Scorecard snapshot',
    element: <SnapshotScreen />,
    nav: false,
  },
  { path: '/import', label: 'Import figures', element: <ImportScreen />, nav: false },
  { path: '/meetings', label: 'Meetings', element: <MeetingsScreen />, nav: true },
  { path: '/forward-plan', label: 'Forward plan', element: <ForwardPlanScreen />, nav: true },
  { path: '/meetings/:id', label: 'Meeting', element: <MeetingScreen />, nav: false },
  { path: '/meetings/:id/live', label: 'Live meeting', element: <LiveMeetingScreen />, nav: false },
  {
    path: '/meetings/:id/display',
    label: 'Chair’s display',
    element: <ChairDisplayScreen />,
    nav: false,
    bare: true,
  },
  { path: '/actions', label: 'Actions', element: <ActionsScreen />, nav: true },
  {
    path: '/actions/matters-arising/:meetingId',
    label: 'Matters arising',
    element: <MattersArisingScreen />,
    nav: false,
  },
  { path: '/visits', label: 'Member visits', element: <VisitsScreen />, nav: true },
  { path: '/voice', label: 'Voice of the child', element: <VoiceScreen />, nav: true },
  { path: '/reports', label: 'Reports', element: <ReportsScreen />, nav: true },
  { path: '/search', label: 'Search', element: <SearchScreen />, nav: false },
  { path: '/settings', label: 'Settings', element: <SettingsScreen />, nav: true, group: 'admin' },
  { path: '/audit', label: 'Audit log', element: <AuditLogScreen />, nav: true, group: 'admin' },
  { path: '/backups', label: 'Backups', element: <BackupsScreen />, nav: true, group: 'admin' },
  { path: '/bin', label: 'Bin', element: <BinScreen />, nav: true, group: 'admin' },
];
