/** Stream naming (architecture.md): one stream per suggestion letter. */
export const letterStreamId = (letterId: string): string => `letter-${letterId}`;
