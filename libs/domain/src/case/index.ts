export * from './case.commands';
export * from './case.errors';
export * from './case.state';
export * from './case.view';
export { caseDecider } from './case.decider';
export { absenceViewFor, type AbsenceView } from './acts/participation';
export * from './case.visibility';
