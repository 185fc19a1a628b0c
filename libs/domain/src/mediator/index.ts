export * from './mediator.decider';
export * from './mediator.errors';
export * from './mediator.visibility';
