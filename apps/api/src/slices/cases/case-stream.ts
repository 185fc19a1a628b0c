export { caseStreamId } from '@accord/events';
