/** Stream naming (architecture.md): one stream per case. */
export const caseStreamId = (caseId: string): string => `case-${caseId}`;
