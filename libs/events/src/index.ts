export * from './event';
export * from './envelope';
