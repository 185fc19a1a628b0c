export * from './rfc6962';
export * from './leaf';
export * from './note';
export * from './checkpoint';
export * from './cosigner';
export * from './checkpoint-store';
export * from './merkle-log';
export * from './tree-follower';
