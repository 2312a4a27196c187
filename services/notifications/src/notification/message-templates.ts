import type { Language, TemplateId, TemplateParams } from './notification.types';

/** One language's wording of a template; `{name}` placeholders are filled from the params. */
interface Wording {
  subject: string;
  body: string;
}

/**
 * A message template. `version` goes up whenever the wording changes, and every delivery records
 * the version it was rendered from. `urgent` messages ignore quiet hours and rate limits.
 */
export interface MessageTemplate {
  id: TemplateId;
  version: number;
  urgent: boolean;
  wording: Record<Language, Wording>;
}

const template = (id: TemplateId, version: number, urgent: boolean, zh: Wording, en: Wording): MessageTemplate => ({
  id,
  version,
  urgent,
  wording: { 'zh-CN': zh, en },
});

export const MESSAGE_TEMPLATES: Readonly<Record<TemplateId, MessageTemplate>> = {
  // To applicants.
  'case-received': template(
    'case-received',
    1,
    false,
    { subject: '收件凭证 {voucherNumber}', body: '您的申请已收件，收件凭证编号 {voucherNumber}。请妥善保存。' },
    { subject: 'Receipt voucher {voucherNumber}', body: 'Your application has been received; receipt voucher number {voucherNumber}. Please keep it.' },
  ),
  'case-supplement-requested': template(
    'case-supplement-requested',
    1,
    false,
    { subject: '补正材料通知 {noticeNumber}', body: '请一次性补正以下材料：{materials}。通知书编号 {noticeNumber}。' },
    { subject: 'Materials needed {noticeNumber}', body: 'Please supply all of the following at once: {materials}. Notice number {noticeNumber}.' },
  ),
  'case-accepted': template(
    'case-accepted',
    1,
    false,
    { subject: '受理通知 {noticeNumber}', body: '您的申请已于 {acceptedOn} 受理，承诺办结期限为 {committedDeadline}。' },
    { subject: 'Application accepted {noticeNumber}', body: 'Your application was accepted on {acceptedOn}; the committed deadline is {committedDeadline}.' },
  ),
  'case-acceptance-refused': template(
    'case-acceptance-refused',
    1,
    false,
    { subject: '不予受理通知 {noticeNumber}', body: '您的申请不予受理。理由：{reason}。依据：{legalBasis}。' },
    { subject: 'Application not accepted {noticeNumber}', body: 'Your application cannot be accepted. Reason: {reason}. Legal basis: {legalBasis}.' },
  ),
  'case-decided-approved': template(
    'case-decided-approved',
    1,
    false,
    { subject: '审批结果：准予许可', body: '您的申请（收件凭证 {voucherNumber}）已准予许可。依据：{legalBasis}。' },
    { subject: 'Decision: approved', body: 'Your application (receipt voucher {voucherNumber}) has been approved. Legal basis: {legalBasis}.' },
  ),
  'case-decided-denied': template(
    'case-decided-denied',
    1,
    false,
    { subject: '审批结果：不予许可', body: '您的申请（收件凭证 {voucherNumber}）不予许可。理由：{reasons}。依据：{legalBasis}。' },
    { subject: 'Decision: denied', body: 'Your application (receipt voucher {voucherNumber}) has been denied. Reasons: {reasons}. Legal basis: {legalBasis}.' },
  ),
  'document-ready': template(
    'document-ready',
    1,
    false,
    { subject: '证照已制发 {documentNumber}', body: '您申请的文书 {documentNumber} 已制发，可领取。' },
    { subject: 'Document ready {documentNumber}', body: 'Your document {documentNumber} has been issued and is ready.' },
  ),
  'rating-requested': template(
    'rating-requested',
    1,
    false,
    { subject: '请评价本次服务', body: '您的事项（收件凭证 {voucherNumber}）已办结，欢迎对本次服务作出“好差评”。' },
    { subject: 'Please rate our service', body: 'Your case (receipt voucher {voucherNumber}) is complete; please rate the service you received.' },
  ),
  'clock-suspended': template(
    'clock-suspended',
    1,
    false,
    { subject: '办理时限暂停计算', body: '因{reason}，您的事项（收件凭证 {voucherNumber}）自即日起暂停计算办理时限：{description}。' },
    { subject: 'Time limit suspended', body: 'Because of {reason}, the time limit of your case (receipt voucher {voucherNumber}) is suspended: {description}.' },
  ),
  'clock-resumed': template(
    'clock-resumed',
    1,
    false,
    { subject: '办理时限恢复计算', body: '您的事项（收件凭证 {voucherNumber}）恢复计算办理时限，承诺办结期限顺延至 {committedDeadline}。' },
    { subject: 'Time limit resumed', body: 'The time limit of your case (receipt voucher {voucherNumber}) runs again; the committed deadline is now {committedDeadline}.' },
  ),
  'commitment-verified-conforming': template(
    'commitment-verified-conforming',
    1,
    false,
    { subject: '告知承诺核查结果：承诺属实', body: '您就事项（收件凭证 {voucherNumber}）作出的承诺已于 {concludedOn} 核查，结果属实。{summary}' },
    { subject: 'Commitment verified: conforming', body: 'Your commitment on case (receipt voucher {voucherNumber}) was verified on {concludedOn} and found true. {summary}' },
  ),
  'commitment-verified-false': template(
    'commitment-verified-false',
    1,
    false,
    { subject: '告知承诺核查结果：承诺不实', body: '您就事项（收件凭证 {voucherNumber}）作出的承诺经 {concludedOn} 核查与实际不符：{summary}。审批决定将依法撤销。' },
    { subject: 'Commitment verified: not true', body: 'Your commitment on case (receipt voucher {voucherNumber}) was found untrue on {concludedOn}: {summary}. The decision will be revoked.' },
  ),
  'advance-service-completed': template(
    'advance-service-completed',
    1,
    false,
    { subject: '提前服务已完成：{subject}', body: '您申请的提前服务（{subject}）已于 {completedOn} 完成：{summary}。正式申请前请落实：{issues}。' },
    { subject: 'Advance service completed: {subject}', body: 'The advance service you asked for ({subject}) was completed on {completedOn}: {summary}. Before applying, settle: {issues}.' },
  ),
  'advance-service-scheduled': template(
    'advance-service-scheduled',
    1,
    false,
    { subject: '提前服务已安排：{subject}', body: '您申请的提前服务（{subject}）已安排于 {scheduledOn} 在 {location} 进行，服务人员工号：{badges}。' },
    { subject: 'Advance service scheduled: {subject}', body: 'The advance service you asked for ({subject}) takes place on {scheduledOn} at {location}; staff badges: {badges}.' },
  ),
  'bad-rating-answered': template(
    'bad-rating-answered',
    1,
    false,
    { subject: '您的评价已收到答复', body: '您对事项（收件凭证 {voucherNumber}）的评价，办理单位已核实并答复：{answer}' },
    { subject: 'Your rating was answered', body: 'The unit verified your rating of case (receipt voucher {voucherNumber}) and answers: {answer}' },
  ),
  'complaint-resolved': template(
    'complaint-resolved',
    1,
    false,
    { subject: '投诉处理结果', body: '您于 {lodgedOn} 提出的投诉经核查{outcome}：{note}' },
    { subject: 'Your complaint was resolved', body: 'Your complaint of {lodgedOn} was found {outcome}: {note}' },
  ),
  // To staff and units.
  'unit-new-case': template(
    'unit-new-case',
    1,
    false,
    { subject: '新收件 {voucherNumber}', body: '新收件：事项 {itemId}，收件凭证 {voucherNumber}，收件人工号 {handlerBadge}。' },
    { subject: 'New case {voucherNumber}', body: 'New case for item {itemId}, receipt voucher {voucherNumber}, received by badge {handlerBadge}.' },
  ),
  'unit-step-completed': template(
    'unit-step-completed',
    1,
    false,
    { subject: '待办：{nextStep}', body: '案件 {voucherNumber} 已完成{completedStep}，等待{nextStep}。' },
    { subject: 'Waiting: {nextStep}', body: 'Case {voucherNumber} completed {completedStep} and waits for {nextStep}.' },
  ),
  'case-deadline-approaching': template(
    'case-deadline-approaching',
    1,
    false,
    { subject: '【预警】{voucherNumber} 剩余 {workingDaysLeft} 个工作日', body: '案件 {voucherNumber} 距承诺期限 {committedDeadline} 仅剩 {workingDaysLeft} 个工作日，目前在{pendingStep}环节，请抓紧办理。' },
    { subject: '[Warning] {voucherNumber}: {workingDaysLeft} working days left', body: 'Case {voucherNumber} has {workingDaysLeft} working days left until its committed deadline {committedDeadline}; it waits in {pendingStep}.' },
  ),
  'assistance-requested': template(
    'assistance-requested',
    1,
    false,
    { subject: '行政协助请求 {voucherNumber}', body: '{fromUnitId} 就案件 {voucherNumber} 请求贵单位出具意见：{question}。请于 {dueOn} 前通过平台答复。' },
    { subject: 'Request for assistance {voucherNumber}', body: '{fromUnitId} asks your opinion on case {voucherNumber}: {question}. Please answer through the platform by {dueOn}.' },
  ),
  'assistance-answered': template(
    'assistance-answered',
    1,
    false,
    { subject: '行政协助已答复 {voucherNumber}', body: '{answeringUnitId} 已就案件 {voucherNumber} 答复（{question}）：{opinion}' },
    { subject: 'Assistance answered {voucherNumber}', body: '{answeringUnitId} answered on case {voucherNumber} ({question}): {opinion}' },
  ),
  'case-reassigned': template(
    'case-reassigned',
    1,
    false,
    { subject: '案件转办 {voucherNumber}', body: '因{reason}，案件 {voucherNumber} 由 {fromUserId} 转由 {toUserId} 负责，办理时限照常计算。{note}' },
    { subject: 'Case reassigned {voucherNumber}', body: 'Because of {reason}, case {voucherNumber} moved from {fromUserId} to {toUserId}; the time limit keeps running. {note}' },
  ),
  'inspection-assigned': template(
    'inspection-assigned',
    1,
    false,
    { subject: '双随机检查任务：{planTitle}', body: '您已被随机抽取参加“{planTitle}”（{method}），检查对象：{targets}。抽取日期 {drawOn}。请勿向检查对象透露。' },
    { subject: 'Inspection assignment: {planTitle}', body: 'You were drawn at random for "{planTitle}" ({method}); targets: {targets}. Drawn on {drawOn}. Do not tell the targets.' },
  ),
  'rectification-ordered': template(
    'rectification-ordered',
    1,
    false,
    { subject: '责令整改通知', body: '贵单位须就问题 {findingId} 完成整改：{actions}。请于 {dueOn} 前答复。' },
    { subject: 'Rectification ordered', body: 'Your unit must rectify finding {findingId}: {actions}. Answer by {dueOn}.' },
  ),
  'rectification-due': template(
    'rectification-due',
    1,
    false,
    { subject: '整改即将到期：{dueOn}', body: '提醒：问题 {findingId} 的整改须于 {dueOn} 前答复：{actions}。' },
    { subject: 'Rectification due {dueOn}', body: 'Reminder: the rectification of finding {findingId} must be answered by {dueOn}: {actions}.' },
  ),
  'bad-rating-received': template(
    'bad-rating-received',
    2,
    false,
    { subject: '差评待核实整改 {voucherNumber}', body: '案件 {voucherNumber} 收到“{grade}”评价：{comment}。请核实、整改，并于 {answerDueOn} 前答复。' },
    { subject: 'Bad rating to answer {voucherNumber}', body: 'Case {voucherNumber} was rated "{grade}": {comment}. Please verify, fix and answer by {answerDueOn}.' },
  ),
  'rectification-overdue': template(
    'rectification-overdue',
    1,
    true,
    { subject: '【整改超期】{findingId}', body: '问题 {findingId} 的整改已超过期限 {dueOn} 仍未答复，请立即处理。' },
    { subject: '[Rectification overdue] {findingId}', body: 'The rectification of finding {findingId} passed its due date {dueOn} unanswered; act now.' },
  ),
  'bad-rating-answer-overdue': template(
    'bad-rating-answer-overdue',
    1,
    true,
    { subject: '【差评答复超期】{voucherNumber}', body: '案件 {voucherNumber} 的差评须于 {answerDueOn} 前答复，现已超期，请立即核实答复。' },
    { subject: '[Rating answer overdue] {voucherNumber}', body: 'The bad rating of case {voucherNumber} had to be answered by {answerDueOn}; answer now.' },
  ),
  'industrial-approval-at-risk': template(
    'industrial-approval-at-risk',
    1,
    false,
    { subject: '产业项目审批预警：{projectName}', body: '项目“{projectName}”审批链已用 {elapsedDays} 个工作日，按承诺时限预计 {forecastDays} 个，超过法定时限三分之二（{budgetDays} 个工作日）。请协调加快。' },
    { subject: 'Industrial approval at risk: {projectName}', body: 'The approvals of "{projectName}" have run {elapsedDays} working days and are forecast at {forecastDays}, beyond two thirds of the statutory time ({budgetDays}). Please coordinate.' },
  ),
  'project-change-rejected': template(
    'project-change-rejected',
    1,
    false,
    { subject: '项目调整未获批准：{projectName}', body: '项目“{projectName}”的调整申请未获批准：{reason}。' },
    { subject: 'Project change refused: {projectName}', body: 'The change requested for "{projectName}" was refused: {reason}.' },
  ),
  'project-exclusion-rejected': template(
    'project-exclusion-rejected',
    1,
    false,
    { subject: '项目不纳入统计申请未获批准：{projectName}', body: '项目“{projectName}”不纳入统计的申请未获批准：{reason}。该项目仍计入当年落地率。' },
    { subject: 'Exclusion refused: {projectName}', body: 'The exclusion requested for "{projectName}" was refused: {reason}. The project still counts towards the landing rate.' },
  ),
  'advance-service-assigned': template(
    'advance-service-assigned',
    1,
    false,
    { subject: '提前服务任务：{subject}', body: '您被安排于 {scheduledOn} 在 {location} 提供提前服务：{subject}。' },
    { subject: 'Advance service assignment: {subject}', body: 'You are to serve on {scheduledOn} at {location}: {subject}.' },
  ),
  'catalog-item-rejected': template(
    'catalog-item-rejected',
    1,
    false,
    { subject: '目录事项退回修改 {itemId}', body: '事项 {itemId} 经审改办审核退回：{reason}。请修改后重新提交。' },
    { subject: 'Catalog item sent back {itemId}', body: 'The reform office sent item {itemId} back: {reason}. Please amend and resubmit it.' },
  ),
  'advance-service-requested': template(
    'advance-service-requested',
    1,
    false,
    { subject: '提前服务申请：{subject}', body: '收到提前服务申请（事项 {itemId}）：{subject}。请安排提前介入或上门服务。' },
    { subject: 'Advance service requested: {subject}', body: 'A request for service before the application (item {itemId}): {subject}. Please arrange it.' },
  ),
  'case-overdue': template(
    'case-overdue',
    1,
    true,
    { subject: '【超期】{voucherNumber}', body: '案件 {voucherNumber} 已超过承诺期限 {committedDeadline}，仍停留在{pendingStep}环节，请立即处理。' },
    { subject: '[Overdue] {voucherNumber}', body: 'Case {voucherNumber} passed its committed deadline {committedDeadline} while waiting in {pendingStep}; act now.' },
  ),
};

/** A template rendered in one language. */
export interface RenderedMessage {
  templateId: TemplateId;
  templateVersion: number;
  language: Language;
  subject: string;
  body: string;
}

/** A template names a placeholder that its params do not fill. */
export class MissingTemplateParamError extends Error {
  constructor(templateId: TemplateId, param: string) {
    super(`template "${templateId}" needs the parameter "${param}"`);
    this.name = 'MissingTemplateParamError';
  }
}

/** Renders a template in a language, filling every `{placeholder}`; a missing value throws. */
export function renderMessage(templateId: TemplateId, language: Language, params: TemplateParams): RenderedMessage {
  const { version, wording } = MESSAGE_TEMPLATES[templateId];
  const fill = (text: string) =>
    text.replace(/\{(\w+)\}/g, (_match, name: string) => {
      const value = params[name];
      if (value === undefined) throw new MissingTemplateParamError(templateId, name);
      return typeof value === 'string' ? value : value[language];
    });
  return { templateId, templateVersion: version, language, subject: fill(wording[language].subject), body: fill(wording[language].body) };
}
