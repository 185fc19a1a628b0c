export * from './case.commands';
export * from './case.errors';
export * from './case.state';
export { caseDecider } from './case.decider';
export { decideCase } from './case.decide';
export { evolveCase } from './case.evolve';
export { absenceViewFor, type AbsenceView } from './acts/participation';
