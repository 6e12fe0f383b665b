export { StrategyScreen } from './StrategyScreen';
export { PriorityScreen } from './PriorityScreen';
export { PlanScreen } from './PlanScreen';
