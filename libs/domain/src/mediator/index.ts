export * from './mediator.decider';
export * from './mediator.errors';
