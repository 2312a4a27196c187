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
