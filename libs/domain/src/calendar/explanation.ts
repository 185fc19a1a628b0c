import type { LegalDate } from '@accord/events';
import type { DeadlineExplanation, SkippedDay } from './legal-calendar';

/** The languages every message of the ledger comes in (the API picks one by `Accept-Language`). */
export type Language = 'en' | 'zh';

/**
 * The deadline sentence in one language, from the explanation's structured fields, so that a stored
 * deadline explains itself in either language without storing two texts. A provisional deadline
 * says why in the sentence itself.
 */
export function renderExplanation(e: DeadlineExplanation, language: Language): string {
  return language === 'zh' ? renderZh(e) : renderEn(e);
}

function renderEn(e: DeadlineExplanation): string {
  const makeup = e.makeupDaysCounted ?? [];
  const unit =
    e.counting === 'months'
      ? `month${e.days === 1 ? '' : 's'}`
      : `${e.counting === 'working' ? 'working' : 'calendar'} day${e.days === 1 ? '' : 's'}`;
  const head = `${e.rule} (${e.article}): ${e.days} ${unit} from ${e.start} (the start day not counted)`;
  const rest = summariseSkipped(e.skipped, 'en');
  const counted =
    makeup.length > 0
      ? `, counting the make-up working day${makeup.length === 1 ? '' : 's'} (调休) ${makeup.join(', ')}`
      : '';
  let sentence: string;
  if (e.counting === 'working') {
    sentence =
      e.skipped.length === 0
        ? `${head} fall due on ${e.dueBy}${counted}.`
        : `${head} fall due on ${e.dueBy}, passing over ${rest}${counted}.`;
  } else if (e.skipped.length === 0) {
    sentence = `${head} end on ${e.dueBy}.`;
  } else {
    sentence = `${head} end on ${nominalEnd(e.skipped)}, a rest day, so the period runs to the next working day, ${e.dueBy}, passing over ${rest}.`;
  }
  return sentence + caveatEn(e);
}

function renderZh(e: DeadlineExplanation): string {
  const makeup = e.makeupDaysCounted ?? [];
  const unit = e.counting === 'months' ? '个月' : e.counting === 'working' ? '个工作日' : '日';
  const head = `${e.rule}（${articleZh(e.article)}）：自 ${e.start} 起 ${e.days}${unit}（起算日不计入）`;
  const rest = summariseSkipped(e.skipped, 'zh');
  const counted = makeup.length > 0 ? `，调休上班日 ${makeup.join('、')} 计入` : '';
  let sentence: string;
  if (e.counting === 'working') {
    sentence =
      e.skipped.length === 0
        ? `${head}，于 ${e.dueBy} 届满${counted}。`
        : `${head}，于 ${e.dueBy} 届满，跳过${rest}${counted}。`;
  } else if (e.skipped.length === 0) {
    sentence = `${head}，于 ${e.dueBy} 届满。`;
  } else {
    sentence = `${head}，本应于 ${nominalEnd(e.skipped)} 届满，该日为休息日，顺延至下一个工作日 ${e.dueBy}，跳过${rest}。`;
  }
  return sentence + caveatZh(e);
}

function caveatEn(e: DeadlineExplanation): string {
  const parts: string[] = [];
  const provisional = e.provisionalYears ?? [];
  const unscheduled = e.unscheduledYears ?? [];
  if (provisional.length > 0) {
    parts.push(
      ` Provisional: no official holiday schedule for ${provisional.join(', ')} is loaded, so the statutory` +
        ' holidays were computed from the lunar calendar and solar terms, without the bridging days and' +
        ' make-up working days (调休) the State Council will set; the date may move when it publishes them.',
    );
  }
  if (unscheduled.length > 0) {
    parts.push(
      ` Provisional: no holiday schedule at all for ${unscheduled.join(', ')}, so only weekends were passed over.`,
    );
  }
  return parts.join('');
}

function caveatZh(e: DeadlineExplanation): string {
  const parts: string[] = [];
  const provisional = e.provisionalYears ?? [];
  const unscheduled = e.unscheduledYears ?? [];
  if (provisional.length > 0) {
    parts.push(
      `暂定：尚未载入国务院办公厅公布的 ${provisional.join('、')} 年节假日安排，法定节假日按农历和节气推算，` +
        '未计入国务院将确定的调休放假和调休上班日；安排公布后该日期可能变动。',
    );
  }
  if (unscheduled.length > 0) {
    parts.push(`暂定：${unscheduled.join('、')} 年没有任何节假日数据，仅跳过周末。`);
  }
  return parts.join('');
}

function articleZh(article: string): string {
  return article.replace(/Art (\d+)/g, '第$1条').replace(/, /g, '、');
}

function nominalEnd(skipped: readonly SkippedDay[]): LegalDate {
  return skipped[0]!.date;
}

function summariseSkipped(skipped: readonly SkippedDay[], language: Language): string {
  const groups = new Map<string, number>();
  for (const day of skipped) {
    const label =
      day.reason === 'holiday' ? (day.name ?? (language === 'zh' ? '节假日' : 'holiday')) : 'weekend';
    groups.set(label, (groups.get(label) ?? 0) + 1);
  }
  if (language === 'zh') {
    const parts = [...groups].map(([label, count]) => `${label === 'weekend' ? '周末' : label} ${count} 天`);
    return ` ${skipped.length} 个休息日（${parts.join('，')}）`;
  }
  const parts = [...groups].map(([label, count]) => `${label} ×${count}`);
  return `${skipped.length} rest day${skipped.length === 1 ? '' : 's'} (${parts.join(', ')})`;
}

function isExplanation(value: object): value is DeadlineExplanation {
  const v = value as Partial<DeadlineExplanation>;
  return (
    typeof v.rule === 'string' &&
    typeof v.article === 'string' &&
    typeof v.dueBy === 'string' &&
    typeof v.text === 'string' &&
    Array.isArray(v.skipped)
  );
}

/**
 * A copy of a JSON view (a case, a letter) with every deadline sentence rendered in `language`.
 * English is what is stored, so an English reader gets the value itself, untouched.
 */
export function localiseExplanations<T>(value: T, language: Language): T {
  if (language === 'en') return value;
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== 'object') return v;
    if (isExplanation(v)) return { ...v, text: renderExplanation(v, language) };
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
  };
  return walk(value) as T;
}
