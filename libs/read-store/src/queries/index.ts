export * from './cases.query';
export * from './deadlines.query';
export * from './register.query';
export * from './audit.query';
export * from './reports.query';
export * from './commendations.query';
export * from './withheld.query';
