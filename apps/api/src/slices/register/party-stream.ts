/** Stream naming (architecture.md): one register stream per party. */
export const partyStreamId = (partyId: string): string => `party-${partyId}`;
