import type { CaseParty, CaseRespondent } from '@accord/events';
import type { Prng } from './prng';

/**
 * Plausible but fake people, companies and organs of a county in Pingdingshan (Henan), where the
 * Measures were issued. Names come from small syllable lists; identity numbers carry valid check
 * characters so that validation and matching by identity document behave as with real data.
 */

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const GIVEN = [
  ...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红建国建华志强海燕文斌晓东春梅国庆金凤宏亮小红永生德胜振宇子涵浩然梓萱俊杰佳怡',
];
const FIRM_WORDS = [...'鑫源恒通宏达昌盛顺发兴旺华泰永安金利丰泽瑞祥嘉禾润达'];
const FIRM_TRADES = [
  '商贸',
  '建筑工程',
  '农业开发',
  '运输',
  '食品',
  '矿业',
  '房地产开发',
  '物流',
  '养殖',
  '建材',
];

/** County-level districts of Pingdingshan: the first six digits of a resident identity number. */
const AREA_CODES = ['410423', '410402', '410403', '410421', '410422', '410425', '410481', '410482'];

export const ORGANS: readonly CaseRespondent[] = [
  { code: 'county-natural-resources', name: '鲁山县自然资源局' },
  { code: 'county-housing-construction', name: '鲁山县住房和城乡建设局' },
  { code: 'county-human-resources', name: '鲁山县人力资源和社会保障局' },
  { code: 'county-market-regulation', name: '鲁山县市场监督管理局' },
  { code: 'county-public-security', name: '鲁山县公安局' },
  { code: 'county-ecology-environment', name: '鲁山县生态环境局' },
  { code: 'county-transport', name: '鲁山县交通运输局' },
  { code: 'county-agriculture', name: '鲁山县农业农村局' },
  { code: 'county-urban-management', name: '鲁山县城市管理局' },
  { code: 'county-emergency-management', name: '鲁山县应急管理局' },
  { code: 'county-civil-affairs', name: '鲁山县民政局' },
  { code: 'county-education', name: '鲁山县教育体育局' },
  { code: 'county-health', name: '鲁山县卫生健康委员会' },
  { code: 'county-tax', name: '国家税务总局鲁山县税务局' },
  { code: 'town-zhanggliang', name: '鲁山县张良镇人民政府' },
  { code: 'town-xiatang', name: '鲁山县下汤镇人民政府' },
  { code: 'town-rangtang', name: '鲁山县让河乡人民政府' },
  { code: 'county-government', name: '鲁山县人民政府' },
];

export function personName(prng: Prng): string {
  const given = prng.chance(0.7) ? prng.pick(GIVEN) + prng.pick(GIVEN) : prng.pick(GIVEN);
  return prng.pick(SURNAMES) + given;
}

export function firmName(prng: Prng): string {
  return `鲁山县${prng.pick(FIRM_WORDS)}${prng.pick(FIRM_WORDS)}${prng.pick(FIRM_TRADES)}有限公司`;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643: the 18th character of a resident identity number. */
export function residentIdCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

export function residentId(prng: Prng): string {
  const year = prng.int(1945, 2004);
  const month = String(prng.int(1, 12)).padStart(2, '0');
  const day = String(prng.int(1, 28)).padStart(2, '0');
  const first17 = `${prng.pick(AREA_CODES)}${year}${month}${day}${String(prng.int(1, 999)).padStart(3, '0')}`;
  return first17 + residentIdCheck(first17);
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 32100: the 18th character of a unified social credit code. */
export function usccCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += USCC_CHARS.indexOf(first17[i]!) * USCC_WEIGHTS[i]!;
  return USCC_CHARS[(31 - (sum % 31)) % 31]!;
}

/** GB 11714: the 9th character of an organisation code (the body of a USCC). */
function organisationCodeCheck(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += USCC_CHARS.indexOf(first8[i]!) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

export function uscc(prng: Prng): string {
  let body = '';
  for (let i = 0; i < 8; i += 1) body += USCC_CHARS[prng.int(0, 9 + (i > 0 ? 20 : 0))]!;
  const first17 = `91${prng.pick(AREA_CODES)}${body}${organisationCodeCheck(body)}`;
  return first17 + usccCheck(first17);
}

/** Someone who files: the same person keeps one identity document across every case they bring. */
export interface Person {
  /** The register's id of this person, shared by the three agencies. */
  readonly partyId: string;
  readonly kind: CaseParty['kind'];
  readonly name: string;
  readonly idScheme: CaseParty['idScheme'];
  readonly idNumber: string;
  /** Files again and again, mostly against the same organ: what the abuse-pattern alerts look for. */
  readonly repeatFiler: boolean;
  readonly favouriteOrgan: CaseRespondent;
}

export function newPerson(prng: Prng, index: number, repeatFiler: boolean): Person {
  const firm = prng.chance(0.18);
  return {
    partyId: `pty-${String(index).padStart(6, '0')}`,
    kind: firm ? 'LEGAL_PERSON' : 'NATURAL_PERSON',
    name: firm ? firmName(prng) : personName(prng),
    idScheme: firm ? 'USCC' : 'RESIDENT_ID',
    idNumber: firm ? uscc(prng) : residentId(prng),
    repeatFiler,
    favouriteOrgan: prng.pick(ORGANS),
  };
}
