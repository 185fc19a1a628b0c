export * from './letter.decider';
export * from './letter.errors';
