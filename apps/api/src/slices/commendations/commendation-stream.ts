/** Stream naming (architecture.md): one stream per commendation. */
export const commendationStreamId = (commendationId: string): string => `commendation-${commendationId}`;
