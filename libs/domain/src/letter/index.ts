export * from './letter.decider';
export * from './letter.errors';
export * from './letter.visibility';
