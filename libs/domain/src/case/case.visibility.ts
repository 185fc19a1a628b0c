import { isAuditor, type Reader } from '../shared/reader';
import { absenceViewFor } from './acts/participation';
import type { CaseCommand } from './case.commands';
import { caseAccess, type CaseState } from './case.state';

export type CaseReadAccess = 'participant' | 'invitee' | 'auditor';

/** What a reader asks of a case: the full case, the reduced one, or its event history. */
export type CaseReading = 'full' | 'reduced' | 'history';

/**
 * Art 17 for reads: the lead agency and accepted invitees take part, an agency with an open
 * invitation is an invitee, auditors read every case; anyone else (and any reader of a case that does
 * not exist) gets undefined, to be answered exactly like an unknown case.
 */
export function caseReadAccess(state: CaseState, reader: Reader): CaseReadAccess | undefined {
  if (state.status === 'none') return undefined;
  if (isAuditor(reader)) return 'auditor';
  const access = caseAccess(state, reader.agency);
  return access === 'none' ? undefined : access;
}

/**
 * What a reader is shown of what it asked for: an invitee sees only what it needs to reply (the
 * reduced case), never the history, which holds everything; undefined when it may see nothing.
 */
export function caseReadingFor(
  access: CaseReadAccess | undefined,
  wanted: CaseReading,
): CaseReading | undefined {
  if (access === undefined) return undefined;
  if (access !== 'invitee') return wanted;
  return wanted === 'history' ? undefined : 'reduced';
}

/**
 * Art 17 for writes: whether an existing case is visible to the writer of this command. A command on
 * a case the writer may not see is decided as if the case did not exist.
 */
export function caseVisibleToCommand(state: CaseState, writer: Reader, command: CaseCommand): boolean {
  return (
    caseAccess(state, writer.agency) !== 'none' ||
    // Art 12 (v2): the government office reports an unjustified absence whether or not it takes part
    // in the case, seeing only that absence (as GET …/absence shows it), never the case.
    (command.type === 'ReportAbsence' &&
      absenceViewFor(state, writer.agency, command.data.requestId) !== null)
  );
}
