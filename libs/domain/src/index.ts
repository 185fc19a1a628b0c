export * from './shared/rule-error';
export * from './shared/command';
export * from './shared/decider';
export * from './rules/rule-set';
export * from './calendar/legal-calendar';
