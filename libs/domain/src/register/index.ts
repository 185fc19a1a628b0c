export * from './register.decider';
export * from './register.errors';
