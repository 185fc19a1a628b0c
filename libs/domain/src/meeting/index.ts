export * from './meeting.decider';
export * from './meeting.errors';
