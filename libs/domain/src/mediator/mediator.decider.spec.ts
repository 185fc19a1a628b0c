import fc from 'fast-check';
import type { Actor } from '@accord/events';
import { spec } from '../testing/decider-spec';
import { assertFoldProperties } from '../testing/fold-properties';
import { auditor, courtClerk, courtLead, govLead, procLead } from '../agency/testing';
import { isAssignable, mediatorDecider, type MediatorCommand } from './mediator.decider';
import {
  admitMediator,
  mediatorAdmitted,
  mediatorReinstated,
  mediatorRemoved,
  mediatorSuspended,
  reinstateMediator,
  removeMediator,
  suspendMediator,
} from './testing';

const pool = spec(mediatorDecider);
const admitted = [mediatorAdmitted('2024-03-01')];
const suspended = [...admitted, mediatorSuspended('2024-06-03')];

describe('mediator talent pool (Art 13)', () => {
  it('a lead of any of the three agencies admits a member, who is then assignable', () => {
    for (const lead of [courtLead, procLead, govLead]) {
      pool
        .given([])
        .when(admitMediator(lead, '2024-03-01'))
        .thenEvents((events, state) => {
          expect(events).toEqual(admitted);
          expect(isAssignable(state)).toBe(true);
          expect(state).toMatchObject({ status: 'active', organisationCode: 'LS-JUSTICE' });
        });
    }
  });

  it('clerks, auditors and organs do not manage the pool', () => {
    pool.given([]).when(admitMediator(courtClerk, '2024-03-01')).thenThrows('MEDIATOR_NOT_POOL_MANAGER');
    pool.given([]).when(admitMediator(auditor, '2024-03-01')).thenThrows('MEDIATOR_AUDITOR_READ_ONLY');
    const organLead: Actor = { agency: 'ORGAN:LS-JUSTICE', staffId: 'x', role: 'lead' };
    pool.given([]).when(admitMediator(organLead, '2024-03-01')).thenThrows('MEDIATOR_NOT_POOL_MANAGER');
  });

  it('a member from a judicial or administrative organ names the organ', () => {
    pool
      .given([])
      .when(admitMediator(courtLead, '2024-03-01', { organisationCode: null }))
      .thenThrows('MEDIATOR_ORGANISATION_REQUIRED');
    pool
      .given([])
      .when(admitMediator(courtLead, '2024-03-01', { source: 'JUDICIAL_ORGAN', organisationCode: undefined }))
      .thenThrows('MEDIATOR_ORGANISATION_REQUIRED');
  });

  it('deputies, CPPCC members and legal workers may have no organisation on file', () => {
    pool
      .given([])
      .when(
        admitMediator(courtLead, '2024-03-01', { source: 'PEOPLES_CONGRESS_DEPUTY', organisationCode: null }),
      )
      .then([mediatorAdmitted('2024-03-01', { source: 'PEOPLES_CONGRESS_DEPUTY', organisationCode: null })]);
  });

  it('the source must be one of the five Art 13 categories', () => {
    pool
      .given([])
      .when(admitMediator(courtLead, '2024-03-01', { source: 'JOURNALIST' as never }))
      .thenThrows('MEDIATOR_INVALID_INPUT', { field: 'source' });
  });

  it('a member is admitted once', () => {
    pool.given(admitted).when(admitMediator(govLead, '2024-03-02')).thenThrows('MEDIATOR_ALREADY_ADMITTED');
  });

  it('admission cannot be dated after today', () => {
    pool
      .given([])
      .when(admitMediator(courtLead, '2024-03-01', { admittedOn: '2024-03-02' }))
      .thenThrows('MEDIATOR_DATE_IN_FUTURE');
  });

  it('an active member is suspended and is then not assignable', () => {
    pool
      .given(admitted)
      .when(suspendMediator(procLead, '2024-06-03'))
      .thenEvents((events, state) => {
        expect(events).toEqual([mediatorSuspended('2024-06-03')]);
        expect(isAssignable(state)).toBe(false);
      });
  });

  it('only an active member can be suspended', () => {
    pool.given(suspended).when(suspendMediator(procLead, '2024-06-04')).thenThrows('MEDIATOR_NOT_ACTIVE');
  });

  it('a suspended member is reinstated; an active one cannot be', () => {
    pool
      .given(suspended)
      .when(reinstateMediator(govLead, '2024-12-02'))
      .then([mediatorReinstated('2024-12-02')]);
    pool.given(admitted).when(reinstateMediator(govLead, '2024-12-02')).thenThrows('MEDIATOR_NOT_SUSPENDED');
  });

  it('a change cannot be dated before the last one', () => {
    pool
      .given(suspended)
      .when(reinstateMediator(govLead, '2024-12-02', '2024-06-02'))
      .thenThrows('MEDIATOR_DATE_OUT_OF_ORDER', { notBefore: '2024-06-03' });
  });

  it('a change needs a reason', () => {
    pool
      .given(admitted)
      .when({
        ...suspendMediator(procLead, '2024-06-03'),
        data: { mediatorId: 'mediator-007', suspendedOn: '2024-06-03', reason: '' },
      })
      .thenThrows('MEDIATOR_INVALID_INPUT', { field: 'reason' });
  });

  it('removal, from active or suspended, is final', () => {
    pool
      .given(admitted)
      .when(removeMediator(courtLead, '2024-12-02'))
      .then([mediatorRemoved('2024-12-02')]);
    pool
      .given(suspended)
      .when(removeMediator(courtLead, '2024-12-02'))
      .then([mediatorRemoved('2024-12-02')]);
    const removed = [...admitted, mediatorRemoved('2024-12-02')];
    pool.given(removed).when(reinstateMediator(courtLead, '2024-12-03')).thenThrows('MEDIATOR_REMOVED');
    pool.given(removed).when(removeMediator(courtLead, '2024-12-03')).thenThrows('MEDIATOR_REMOVED');
    pool.given(removed).when(admitMediator(courtLead, '2024-12-03')).thenThrows('MEDIATOR_ALREADY_ADMITTED');
  });

  it('an unknown member cannot be suspended', () => {
    pool.given([]).when(suspendMediator(courtLead, '2024-06-03')).thenThrows('MEDIATOR_NOT_FOUND');
  });

  it('state keeps the history of status changes', () => {
    pool
      .given(suspended)
      .when(reinstateMediator(govLead, '2024-12-02'))
      .thenEvents((_, state) =>
        expect(state).toMatchObject({
          status: 'active',
          history: [
            { status: 'active', on: '2024-03-01' },
            { status: 'suspended', on: '2024-06-03' },
            { status: 'active', on: '2024-12-02' },
          ],
        }),
      );
  });

  it('property: fold is deterministic and evolve never mutates', () => {
    const days = fc.constantFrom('2024-03-01', '2024-06-03', '2024-09-02', '2024-12-02');
    const by = fc.constantFrom<Actor>(courtLead, procLead, govLead, courtClerk);
    const step = fc.tuple(fc.integer({ min: 0, max: 3 }), by, days);
    const commands = fc
      .array(step, { maxLength: 12 })
      .map((steps) =>
        [...steps]
          .sort((a, b) => a[2].localeCompare(b[2]))
          .map(([kind, a, d]): MediatorCommand =>
            [admitMediator, suspendMediator, reinstateMediator, removeMediator][kind](a, d),
          ),
      );
    assertFoldProperties(mediatorDecider, commands, { minAccepted: 3 });
  });
});
