/** Stream naming (architecture.md): one stream per member of the mediator pool. */
export const mediatorStreamId = (mediatorId: string): string => `mediator-${mediatorId}`;
