/** Stream naming (architecture.md): one stream per case. Shared by the API, the CLI and the read side. */
export const caseStreamId = (caseId: string): string => `case-${caseId}`;
