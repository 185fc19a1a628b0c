export * from './register.commands';
export * from './register.state';
export * from './register.decider';
export * from './register.evolve';
export * from './register.errors';
export * from './register.visibility';
