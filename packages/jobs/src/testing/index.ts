export { until } from './until.ts';
export { closeRunStateGate, type RunStateGate } from './run-state-gate.ts';
