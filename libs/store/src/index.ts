export * from './event-store';
export * from './store-errors';
export * from './memory-event-store';
export * from './sqlite-event-store';
export * from './open-store';
export * from './store-selection';
export * from './postgres/postgres-event-store';
export * from './thread-entry';
