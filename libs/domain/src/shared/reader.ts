import type { ActorAgency } from '@accord/events';

/** Who reads (or writes): what the visibility rules of Art 17 look at. `Actor` satisfies it. */
export interface Reader {
  readonly agency: ActorAgency;
  readonly role: string;
}

/** Auditors (inspection and discipline) read every stream; each read is still recorded. */
export const isAuditor = (reader: Reader): boolean => reader.role === 'auditor';
