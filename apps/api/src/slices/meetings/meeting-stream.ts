/** Stream naming (architecture.md): one stream per meeting. */
export const meetingStreamId = (meetingId: string): string => `meeting-${meetingId}`;
