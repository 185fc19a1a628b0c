export * from './read-store';
export * from './sqlite-read-store';
export * from './projection';
export * from './projector';
export * from './projections';
export * from './open-read-store';
export * from './dump';
export * from './queries';
