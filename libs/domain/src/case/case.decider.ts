import type { CaseEvent } from '@accord/events';
import type { Decider } from '../shared/decider';
import type { CaseCommand } from './case.commands';
import { decideCase } from './case.decide';
import { evolveCase } from './case.evolve';
import { initialCaseState, type CaseState } from './case.state';

/** The case aggregate (stream `case-<id>`): the Measures' case rules, Arts 1–13 and 17. */
export const caseDecider: Decider<CaseCommand, CaseState, CaseEvent> = {
  decide: decideCase,
  evolve: evolveCase,
  initialState: initialCaseState,
};
