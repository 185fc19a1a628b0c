import type { CaseChannel, CaseRespondent, LegalDate, MediatorSource } from '@accord/events';
import { addCalendarDays } from '@accord/domain';
import { newPerson, type Person } from './identities';
import type { World } from './world';

/** A filing as the generator remembers it, to link later channels and to find repeat filers. */
export interface Filing {
  readonly caseId: string;
  readonly channel: CaseChannel;
  readonly acceptedOn: LegalDate;
  readonly organ: CaseRespondent;
}

export interface PoolMember {
  readonly mediatorId: string;
  readonly name: string;
  readonly source: MediatorSource;
  readonly organisationCode: string | null;
}

/**
 * What the processes share beyond the streams themselves: who has filed what, who is in the
 * mediator pool, which organ heads attended. The deciders still decide every act; this only helps
 * the generator pick acts that make sense.
 */
export class Directory {
  private readonly people: Person[] = [];
  private readonly repeatFilers: Person[] = [];
  readonly filings = new Map<string, Filing[]>();
  /** Active pool members by id; the pool's processes keep it in step with the mediator streams. */
  readonly pool = new Map<string, PoolMember>();
  /** Organ code → cases whose sessions its head attended this year (Art 12 commendations). */
  readonly attendedBy = new Map<string, { organ: CaseRespondent; caseIds: string[] }>();
  /** People with a flag proposed or in force, so no second flag process starts for them. */
  readonly flagged = new Set<string>();
  readonly recentCases: { caseId: string; acceptedOn: LegalDate; majorRisk: boolean }[] = [];
  private readonly docketNumbers = new Map<string, number>();

  constructor(private readonly w: World) {}

  /** A party for a new filing: mostly new people, sometimes someone who filed before, often a repeat filer. */
  person(): Person {
    const { prng } = this.w;
    if (this.repeatFilers.length > 0 && prng.chance(0.14)) return prng.pick(this.repeatFilers);
    if (this.people.length > 20 && prng.chance(0.05)) return prng.pick(this.people);
    const repeat = prng.chance(0.015);
    const person = newPerson(prng, this.people.length + 1, repeat);
    this.people.push(person);
    if (repeat) this.repeatFilers.push(person);
    return person;
  }

  fileFor(person: Person, filing: Filing): Filing[] {
    const list = this.filings.get(person.partyId) ?? [];
    list.push(filing);
    this.filings.set(person.partyId, list);
    return list;
  }

  /** Filings by this person against this organ in the 12 months up to `on` (Art 11's pattern). */
  recentAgainst(person: Person, organCode: string, on: LegalDate): Filing[] {
    const since = addCalendarDays(on, -365);
    return (this.filings.get(person.partyId) ?? []).filter(
      (f) => f.organ.code === organCode && f.acceptedOn >= since,
    );
  }

  /** The next number in an agency's docket for a year, as in 鲁山复议〔2025〕17号. */
  docket(channel: CaseChannel, year: string): string {
    const key = `${channel}/${year}`;
    const n = (this.docketNumbers.get(key) ?? 0) + 1;
    this.docketNumbers.set(key, n);
    switch (channel) {
      case 'RECONSIDERATION':
        return `鲁山复议〔${year}〕${n}号`;
      case 'LITIGATION':
        return `（${year}）豫0423行初${n}号`;
      case 'PROCURATORIAL_SUPERVISION':
        return `鲁检行监〔${year}〕${n}号`;
    }
  }

  noteAttendance(organ: CaseRespondent, caseId: string): void {
    const entry = this.attendedBy.get(organ.code) ?? { organ, caseIds: [] };
    entry.caseIds.push(caseId);
    this.attendedBy.set(organ.code, entry);
  }

  rememberCase(caseId: string, acceptedOn: LegalDate, majorRisk: boolean): void {
    this.recentCases.push({ caseId, acceptedOn, majorRisk });
    if (this.recentCases.length > 200) this.recentCases.splice(0, this.recentCases.length - 200);
  }
}
