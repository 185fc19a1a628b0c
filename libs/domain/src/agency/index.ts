export * from './agency.decider';
export * from './agency.errors';
