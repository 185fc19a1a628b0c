export * from './commendation.decider';
export * from './commendation.errors';
