import { testCalendar } from '../testing/calendar';
import {
  CURRENT_RULES,
  deadlineRules,
  RULE_SETS,
  RULES_2021_V1,
  RULES_2021_V2,
  ruleSetByVersion,
} from './rule-set';

describe('rule sets', () => {
  it('Art 4/7: notice within 30 calendar days of acceptance, reply within 3 working days of receipt', () => {
    expect(RULES_2021_V1.invitationNotice).toMatchObject({ days: 30, counting: 'calendar' });
    expect(RULES_2021_V1.invitationReply).toMatchObject({ days: 3, counting: 'working' });
    expect(RULES_2021_V1.invitationNotice.article).toContain('Art 4');
    expect(RULES_2021_V1.invitationReply.article).toContain('Art 7');
  });

  it('Art 8: every kind of letter has a 60-day response period', () => {
    for (const rule of Object.values(RULES_2021_V1.letterResponse)) {
      expect(rule).toMatchObject({ days: 60, counting: 'calendar', article: 'Art 8' });
    }
  });

  it.each(Object.values(RULE_SETS).map((rules) => [rules.version, rules] as const))(
    '%s: every deadline rule has a unique name, an article and a countable period',
    (_version, rules) => {
      const all = deadlineRules(rules);
      expect(new Set(all.map((r) => r.name)).size).toBe(all.length);
      for (const rule of all) {
        expect(rule.article).toMatch(/^Art \d+(, Art \d+)*$/);
        expect(Number.isInteger(rule.days) && rule.days >= 1).toBe(true);
        expect(testCalendar().deadline('2025-06-30', rule).explanation.rule).toBe(rule.name);
      }
      expect(Number.isInteger(rules.majorRiskPeopleThreshold) && rules.majorRiskPeopleThreshold > 0).toBe(
        true,
      );
    },
  );

  it('finds a rule set by the version stamped on events', () => {
    expect(ruleSetByVersion(RULES_2021_V1.version)).toBe(RULES_2021_V1);
    expect(ruleSetByVersion(CURRENT_RULES.version)).toBe(CURRENT_RULES);
    expect(ruleSetByVersion('lushan-2021-144/v0')).toBeUndefined();
    expect(ruleSetByVersion('toString')).toBeUndefined();
  });

  it('v2 is current; v1 stays findable for the events recorded under it', () => {
    expect(CURRENT_RULES).toBe(RULES_2021_V2);
    expect(ruleSetByVersion('lushan-2021-144/v1')).toBe(RULES_2021_V1);
    expect(ruleSetByVersion('lushan-2021-144/v2')).toBe(RULES_2021_V2);
    expect(RULES_2021_V2.noticePeriodStart).toEqual({
      RECONSIDERATION: 'ACCEPTANCE',
      LITIGATION: 'RISK_FINDING',
      PROCURATORIAL_SUPERVISION: 'NON_SUPPORT_DECISION',
    });
    expect(RULES_2021_V2.majorRiskPeopleThreshold).toBe(10);
    expect(RULES_2021_V2.preventionPlan).toMatchObject({ days: 3, counting: 'working', article: 'Art 10' });
  });
});
