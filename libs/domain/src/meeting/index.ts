export * from './meeting.decider';
export * from './meeting.errors';
export * from './meeting.visibility';
export * from './meeting.case-facts';
