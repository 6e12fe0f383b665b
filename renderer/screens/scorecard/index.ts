export { ScorecardScreen } from './ScorecardScreen';
export { MeasureDetailScreen } from './MeasureDetailScreen';
export { CohortScreen } from './CohortScreen';
export { SnapshotScreen } from './SnapshotScreen';
