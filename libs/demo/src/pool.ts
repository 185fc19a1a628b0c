import { AGENCIES, MEDIATOR_SOURCES, type Agency, type MediatorSource } from '@accord/events';
import { agencyDecider, commendationDecider, mediatorDecider } from '@accord/domain';
import type { Directory } from './directory';
import { ORGANS, personName } from './identities';
import type { Process, World } from './world';

const EXPERTISE = ['土地征收', '劳动保障', '行政协议', '房屋拆迁', '信息公开', '环境保护', '社会救助'];

/** Art 13: the mediator pool grows, and members are suspended, reinstated and removed over the years. */
export function* mediatorPool(w: World, dir: Directory, size: number): Process {
  const { prng } = w;
  const admit = () => {
    const mediatorId = w.newId();
    const source = prng.pick(MEDIATOR_SOURCES) as MediatorSource;
    const organisationCode =
      source === 'JUDICIAL_ORGAN'
        ? 'county-court'
        : source === 'ADMINISTRATIVE_ORGAN'
          ? prng.pick(ORGANS).code
          : null;
    const name = personName(prng);
    w.act(
      `mediator-${mediatorId}`,
      mediatorDecider,
      'AdmitMediator',
      {
        mediatorId,
        name,
        source,
        organisationCode,
        expertise: prng.sample(EXPERTISE, prng.int(1, 3)),
        admittedOn: w.today,
      },
      w.actor(prng.pick(AGENCIES), 'lead'),
    );
    dir.pool.set(mediatorId, { mediatorId, name, source, organisationCode });
    w.count('mediator.admitted');
  };
  for (let i = 0; i < size; i += 1) admit();
  const suspended: string[] = [];
  for (;;) {
    yield w.daysAfter(w.today, prng.int(20, 60));
    const roll = prng.next();
    const members = [...dir.pool.keys()];
    const change = (type: string, mediatorId: string, data: Record<string, unknown>) =>
      w.act(
        `mediator-${mediatorId}`,
        mediatorDecider,
        type,
        { mediatorId, ...data },
        w.actor(prng.pick(AGENCIES), 'lead'),
      );
    if (roll < 0.3 && members.length > 5) {
      const id = prng.pick(members);
      change('SuspendMediator', id, { suspendedOn: w.today, reason: '年度考核不合格，暂停选派' });
      dir.pool.delete(id);
      suspended.push(id);
      w.count('mediator.suspended');
    } else if (roll < 0.5 && suspended.length > 0) {
      const id = suspended.shift()!;
      const member = w.state<{ name: string; source: MediatorSource; organisationCode: string | null }>(
        `mediator-${id}`,
      )!;
      change('ReinstateMediator', id, { reinstatedOn: w.today, reason: '整改完成，恢复选派' });
      dir.pool.set(id, {
        mediatorId: id,
        name: member.name,
        source: member.source,
        organisationCode: member.organisationCode,
      });
      w.count('mediator.reinstated');
    } else if (roll < 0.6 && members.length > 5) {
      const id = prng.pick(members);
      change('RemoveMediator', id, { removedOn: w.today, reason: '本人申请退出' });
      dir.pool.delete(id);
      w.count('mediator.removed');
    } else admit();
  }
}

const LIAISONS: Readonly<Record<Agency, readonly string[]>> = {
  COURT: ['张立新', '马红霞', '郭伟'],
  PROCURATORATE: ['周敏', '何建华', '林静'],
  GOV_OFFICE: ['王志强', '孙丽', '罗海燕'],
};

/** Art 16: each agency names its liaison, and names a new one now and then. */
export function* liaisons(w: World, agency: Agency): Process {
  for (let term = 0; term < 3; term += 1) {
    w.act(
      `agency-${agency}`,
      agencyDecider,
      'DesignateLiaison',
      {
        agency,
        liaison: {
          staffId: `${agency.toLowerCase()}-liaison-${term + 1}`,
          name: LIAISONS[agency][term]!,
          contact: `0375-50${w.prng.int(10000, 99999)}`,
        },
        from: w.today,
      },
      w.actor(agency, 'lead'),
    );
    w.count('agency.liaisonDesignated');
    yield w.daysAfter(w.today, w.prng.int(300, 500));
  }
}

/** Art 12: each December the government office commends organs whose heads attended in person. */
export function* commendations(w: World, dir: Directory): Process {
  for (;;) {
    const year = Number(w.today.slice(0, 4));
    yield w.workingDaysAfter(`${year}-12-${String(w.prng.int(15, 25))}`, 0);
    const best = [...dir.attendedBy.values()].sort(
      (a, b) => b.caseIds.length - a.caseIds.length || a.organ.code.localeCompare(b.organ.code),
    );
    for (const { organ, caseIds } of best.slice(0, w.prng.int(1, 3))) {
      const commendationId = w.newId();
      w.act(
        `commendation-${commendationId}`,
        commendationDecider,
        'CommendOrgan',
        {
          commendationId,
          organ,
          reason: `本年度负责人出庭出席协调会${caseIds.length}次`,
          caseRefs: caseIds.slice(0, 10),
          commendedOn: w.today,
        },
        w.actor('GOV_OFFICE', 'lead'),
      );
      w.count('commendation');
      w.retire(`commendation-${commendationId}`);
    }
    dir.attendedBy.clear();
    yield `${year + 1}-01-05`;
  }
}
