import { DATE_IN_FUTURE_SPEC, invalidInputSpec } from '../shared/input-guards';
import { defineErrors } from '../shared/rule-error';

/**
 * Every refusal of the case decider. Codes are stable: the API, the docs (docs/rules.md) and
 * staff training refer to them. Generic codes carry the `CASE_` prefix so that they cannot collide
 * with another aggregate's catalogue in the shared registry.
 */
export const caseError = defineErrors({
  CASE_INVALID_INPUT: invalidInputSpec({ en: 'case command', zh: '案件指令' }),
  CASE_ACTOR_NOT_ALLOWED: {
    article: 'Art 17',
    kind: 'forbidden',
    en: 'Administrative organs and auditors do not act on cases.',
    zh: '行政机关和监督人员不得对案件进行操作。',
  },
  CASE_NOT_FOUND: {
    article: 'Art 17',
    kind: 'not_found',
    en: 'No such case is visible to your agency.',
    zh: '未找到本单位可见的该案件。',
  },
  CASE_INVITEE_MAY_ONLY_REPLY: {
    article: 'Art 4, Art 17',
    kind: 'forbidden',
    en: 'An invited agency may only reply to its invitation until it has accepted it.',
    zh: '受邀单位在接受邀请前只能对邀请作出答复。',
  },
  CASE_CLOSED: {
    kind: 'conflict',
    en: 'The case is closed; it can only be read.',
    zh: '案件已结案，只能查阅。',
  },
  CASE_DATE_IN_FUTURE: DATE_IN_FUTURE_SPEC,
  CASE_DATE_TOO_EARLY: {
    kind: 'rule',
    en: 'The date is earlier than a fact it must follow.',
    zh: '该日期早于其应当在后的事项日期。',
  },
  CASE_DUPLICATE_ID: {
    kind: 'conflict',
    en: 'An item with this id is already recorded on the case.',
    zh: '案件中已存在相同编号的记录。',
  },
  CASE_LEAD_AGENCY_ONLY: {
    article: 'Art 1, Art 9',
    kind: 'forbidden',
    en: 'Only the agency leading the case may do this.',
    zh: '仅案件主办机关可以进行此项操作。',
  },
  CASE_LEAD_ROLE_REQUIRED: {
    article: 'Art 10, Art 12',
    kind: 'forbidden',
    en: 'Only a responsible leader (role lead) may report to county leadership.',
    zh: '向县委县政府或县政府报告须由负责人（lead 角色）作出。',
  },
  CASE_UNKNOWN_PARTY: {
    article: 'Art 2',
    kind: 'rule',
    en: 'The party named is not a party of this case.',
    zh: '所指当事人不是本案当事人。',
  },
  CASE_ALREADY_REGISTERED: {
    kind: 'conflict',
    en: 'This case is already registered.',
    zh: '该案件已登记。',
  },
  CASE_REGISTRAR_NOT_LEAD: {
    article: 'Art 1',
    kind: 'forbidden',
    en: "Only the channel's lead agency registers a case in it (reconsideration: government office; litigation: court; supervision: procuratorate).",
    zh: '案件只能由相应程序的主办机关登记（行政复议：县政府办；行政诉讼：县法院；行政检察监督：县检察院）。',
  },
  CASE_NO_PARTIES: {
    article: 'Art 2',
    kind: 'rule',
    en: 'A case needs at least one party (natural person, legal person or other organisation).',
    zh: '案件至少应有一名当事人（自然人、法人或其他组织）。',
  },
  CASE_PARTY_DUPLICATE: {
    article: 'Art 2',
    kind: 'rule',
    en: 'The same party is listed twice (same party id or same identifier).',
    zh: '同一当事人被重复列入（当事人编号或证件号码相同）。',
  },
  CASE_PARTY_IDENTIFIER_INVALID: {
    article: 'Art 2',
    kind: 'rule',
    en: 'A natural person is identified by an identity document; a legal person or other organisation by its unified social credit code or another registration number.',
    zh: '自然人应以身份证件标识；法人或其他组织应以统一社会信用代码或其他登记号码标识。',
  },
  CASE_LINK_SELF: {
    kind: 'rule',
    en: 'A case cannot be linked to itself.',
    zh: '案件不能与自身关联。',
  },
  CASE_LINK_SAME_CHANNEL: {
    article: 'Art 1',
    kind: 'rule',
    en: "Links join the same dispute's cases in other channels; this case's own channel cannot be linked.",
    zh: '关联用于连接同一争议在其他程序中的案件，不能关联同一程序的案件。',
  },
  CASE_LINK_DUPLICATE: {
    kind: 'conflict',
    en: 'The cases are already linked.',
    zh: '两案已关联。',
  },
  NON_SUPPORT_WRONG_CHANNEL: {
    article: 'Art 6',
    kind: 'rule',
    en: 'A decision not to support a supervision application exists only in a procuratorial supervision case.',
    zh: '不支持监督申请决定只存在于行政检察监督案件中。',
  },
  NON_SUPPORT_NOT_PROCURATORATE: {
    article: 'Art 6',
    kind: 'forbidden',
    en: 'Only the procuratorate records its decision not to support a supervision application.',
    zh: '不支持监督申请决定只能由县检察院记录。',
  },
  NON_SUPPORT_ALREADY_RECORDED: {
    article: 'Art 6',
    kind: 'conflict',
    en: 'The decision not to support the supervision application is already recorded.',
    zh: '不支持监督申请决定已记录。',
  },
  ELIGIBILITY_GROUNDS_INVALID: {
    article: 'Art 3',
    kind: 'rule',
    en: 'An eligible case names one or more of the categories 1–6 of Art 3, each once and each with reasons; an ineligible one names none.',
    zh: '符合化解条件的案件应列明第三条第（一）至（六）项中的一项或多项，每项只列一次并说明理由；不符合的案件不得列项。',
  },
  ELIGIBILITY_EXPLANATION_MISSING: {
    article: 'Art 3',
    kind: 'rule',
    en: 'Where the demands are clearly unlawful or unreasonable, the legal explanation given (释法说理) must be recorded, and only then.',
    zh: '当事人诉求明显不合法、不合理的，应当记录释法说理的内容；其他情形不得填写。',
  },
  RESOLUTION_NOT_ELIGIBLE: {
    article: 'Art 3',
    kind: 'rule',
    en: 'A resolution effort opens only on a positive eligibility assessment (Art 3, categories 1–6).',
    zh: '只有经评估符合第三条规定情形的案件，才能开展争议化解。',
  },
  RESOLUTION_ALREADY_OPEN: {
    kind: 'conflict',
    en: 'A resolution effort is already open on this case.',
    zh: '本案已在开展争议化解。',
  },
  RESOLUTION_NOT_OPEN: {
    article: 'Art 6',
    kind: 'rule',
    en: 'Resolution activities are recorded only while a resolution effort is open.',
    zh: '只有在争议化解进行中才能记录化解活动。',
  },
  CONSENT_OUT_OF_ORDER: {
    article: 'Art 2',
    kind: 'rule',
    en: "A party's consent record cannot be dated before its latest consent record.",
    zh: '当事人意愿记录的日期不得早于其最近一次意愿记录。',
  },
  INVITATION_NOT_PERMITTED: {
    article: 'Art 4, Art 5, Art 6, Art 7',
    kind: 'forbidden',
    en: 'The Measures do not provide for this invitation: reconsideration (government office) invites the procuratorate; litigation (court) the government office and procuratorate; supervision (procuratorate) the government office and court.',
    zh: '本办法未规定此项邀请：行政复议（县政府办）可邀请县检察院；行政诉讼（县法院）可邀请县政府办、县检察院；行政检察监督（县检察院）可邀请县政府办、县法院。',
  },
  INVITATION_SELF: {
    article: 'Art 4, Art 7',
    kind: 'rule',
    en: 'An agency cannot invite itself.',
    zh: '机关不能邀请自身。',
  },
  INVITATION_INVITEE_ALREADY_PARTICIPANT: {
    article: 'Art 4, Art 7',
    kind: 'conflict',
    en: 'The agency already takes part in this case.',
    zh: '该机关已参与本案化解。',
  },
  INVITATION_ALREADY_OPEN: {
    article: 'Art 4, Art 7',
    kind: 'conflict',
    en: 'The agency already has an open, unanswered invitation on this case.',
    zh: '该机关在本案中已有尚未答复的邀请。',
  },
  INVITATION_NEEDS_NON_SUPPORT_DECISION: {
    article: 'Art 6',
    kind: 'rule',
    en: 'The procuratorate invites only after it has decided not to support the supervision application.',
    zh: '县检察院须在作出不支持监督申请决定后方可邀请。',
  },
  RISK_FINDING_WRONG_CHANNEL: {
    article: 'Art 5',
    kind: 'rule',
    en: 'A finding that the dispute may lead to appeal, petition or instability is made in a litigation case.',
    zh: '认为行政争议可能引发上诉、申诉、信访或影响社会稳定的认定只存在于行政诉讼案件中。',
  },
  RISK_FINDING_NOT_COURT: {
    article: 'Art 5',
    kind: 'forbidden',
    en: 'Only the court records its finding that the dispute may lead to appeal, petition or instability.',
    zh: '只有县法院可以记录其认为行政争议可能引发上诉、申诉、信访或影响社会稳定的认定。',
  },
  RISK_FINDING_ALREADY_RECORDED: {
    article: 'Art 5',
    kind: 'conflict',
    en: 'The court’s risk finding is already recorded; the notice period runs from it.',
    zh: '法院的风险认定已记录，通知期限自该认定起算。',
  },
  INVITATION_NEEDS_RISK_FINDING: {
    article: 'Art 5',
    kind: 'rule',
    en: 'The court invites once it has recorded that the dispute may lead to appeal, petition or instability.',
    zh: '县法院须在记录其认为行政争议可能引发上诉、申诉、信访或影响社会稳定后方可邀请。',
  },
  INVITATION_NOTICE_LATE: {
    article: 'Art 4, Art 7',
    kind: 'rule',
    en: 'The written notice of invitation must be served within the period counted from the case acceptance date.',
    zh: '邀请的书面通知应当在案件受理之日起规定期限内送达。',
  },
  INVITATION_NOT_FOUND: {
    kind: 'not_found',
    en: 'No such invitation on this case.',
    zh: '本案中没有该邀请。',
  },
  INVITATION_REPLY_NOT_INVITEE: {
    article: 'Art 4, Art 7',
    kind: 'forbidden',
    en: 'Only the invited agency replies to an invitation.',
    zh: '只有受邀机关可以答复邀请。',
  },
  INVITATION_ALREADY_ANSWERED: {
    article: 'Art 4, Art 7',
    kind: 'conflict',
    en: 'The invitation has already been answered.',
    zh: '该邀请已答复。',
  },
  INVITATION_NOT_OPEN: {
    kind: 'conflict',
    en: 'The invitation was withdrawn or lapsed with the case.',
    zh: '该邀请已撤回或已随结案失效。',
  },
  INVITATION_DECLINE_REASONS_MISSING: {
    article: 'Art 4, Art 7',
    kind: 'rule',
    en: 'A written reply declining an invitation gives its reasons.',
    zh: '不参与的书面答复应当说明理由。',
  },
  INVITATION_WITHDRAW_NOT_INVITER: {
    kind: 'forbidden',
    en: 'Only the inviting agency withdraws its invitation.',
    zh: '只有邀请机关可以撤回邀请。',
  },
  ACTIVITY_DESCRIPTION_MISSING: {
    article: 'Art 6',
    kind: 'rule',
    en: 'An activity of kind OTHER needs a description.',
    zh: '“其他”类化解活动须说明具体内容。',
  },
  ACTIVITY_AGENCY_NOT_PARTICIPANT: {
    article: 'Art 17',
    kind: 'rule',
    en: 'Only agencies taking part in the case can be recorded as present at its activities.',
    zh: '只有参与本案化解的机关才能列为化解活动参加单位。',
  },
  ASSIGNMENT_MEDIATOR_NOT_ACTIVE: {
    article: 'Art 13',
    kind: 'rule',
    en: 'Only an active member of the mediator pool can be assigned.',
    zh: '只能指派人才库中状态有效的人员。',
  },
  ASSIGNMENT_CONFLICT_OF_INTEREST: {
    article: 'Art 13',
    kind: 'rule',
    en: "A pool member from the case's respondent organ cannot be assigned to it.",
    zh: '来自本案被申请人（被告）行政机关的人员不得指派参与本案化解。',
  },
  ASSIGNMENT_DUPLICATE: {
    article: 'Art 13',
    kind: 'conflict',
    en: 'The pool member is already assigned to this case.',
    zh: '该人员已指派至本案。',
  },
  RISK_NOT_ASSESSED: {
    article: 'Art 10',
    kind: 'rule',
    en: 'A prevention plan or an escalation needs a risk assessment first.',
    zh: '制定防范和处置预案或上报前，须先进行风险评估。',
  },
  PARTICIPATION_REQUEST_NOT_FOUND: {
    article: 'Art 12',
    kind: 'not_found',
    en: 'No such participation request on this case.',
    zh: '本案中没有该参与化解通知。',
  },
  ATTENDANCE_ALREADY_RECORDED: {
    article: 'Art 12',
    kind: 'conflict',
    en: 'Attendance for this request is already recorded.',
    zh: '该通知的出席情况已记录。',
  },
  ATTENDANCE_BEFORE_SESSION: {
    article: 'Art 12',
    kind: 'rule',
    en: 'Attendance is recorded on or after the day of the session.',
    zh: '出席情况应在会商当日或之后记录。',
  },
  ATTENDANCE_DETAILS_INVALID: {
    article: 'Art 12',
    kind: 'rule',
    en: 'ATTENDED names the principal or deputy head who came; ABSENT_JUSTIFIED gives the justification; nothing else is filled in.',
    zh: '出席的应写明到场的主要负责人或分管负责人；有正当理由缺席的应写明理由；其他项不得填写。',
  },
  ABSENCE_REPORT_NOT_GOV_OFFICE: {
    article: 'Art 12',
    kind: 'forbidden',
    en: 'Only the government office reports an absent head to the county government.',
    zh: '只有县政府办可以报告县政府处理。',
  },
  ABSENCE_NOT_UNJUSTIFIED: {
    article: 'Art 12',
    kind: 'rule',
    en: 'Only an absence without good reason (无故不参与) is reported to the county government.',
    zh: '只有无故不参与的情形才报告县政府处理。',
  },
  ABSENCE_ALREADY_REPORTED: {
    article: 'Art 12',
    kind: 'conflict',
    en: 'This absence is already reported.',
    zh: '该缺席情况已报告。',
  },
  RELIEF_PRECONDITION_NOT_MET: {
    article: 'Art 9',
    kind: 'rule',
    en: 'Relief needs both: no effective compensation or indemnity through reconsideration, litigation or supervision, and great hardship in life.',
    zh: '救助须同时满足：通过行政复议、行政诉讼或法律监督难以获得有效赔偿或补偿，且生活确实面临较大困难。',
  },
  RELIEF_NEEDS_RESOLUTION: {
    article: 'Art 9',
    kind: 'rule',
    en: 'Relief is coordinated by the agency leading a resolution effort; open one first.',
    zh: '救助由负责化解工作的机关协调，须先开展争议化解。',
  },
  OUTCOME_CONSENT_MISSING: {
    article: 'Art 2',
    kind: 'rule',
    en: "A settlement, mediation or withdrawal needs every party's consent, given on or before the decision.",
    zh: '和解、调解或撤回须经全体当事人自愿同意，且同意应在作出结论之前或当日。',
  },
  OUTCOME_NEEDS_RESOLUTION: {
    article: 'Art 3',
    kind: 'rule',
    en: 'A settled, mediated or unresolved outcome presupposes a resolution effort.',
    zh: '和解、调解或化解不成的结论须以开展争议化解为前提。',
  },
  OUTCOME_ALREADY_RECORDED: {
    kind: 'conflict',
    en: 'The outcome of this case is already recorded.',
    zh: '本案结论已记录。',
  },
  CASE_OUTCOME_MISSING: {
    kind: 'rule',
    en: 'A case closes only once its outcome is recorded.',
    zh: '记录结论后方可结案。',
  },
});

export type CaseErrorCode = keyof typeof caseError.catalogue;
