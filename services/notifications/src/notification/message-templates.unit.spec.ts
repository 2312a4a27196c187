import { MESSAGE_TEMPLATES, MissingTemplateParamError, renderMessage } from './message-templates';
import type { TemplateId } from './notification.types';

describe('message templates', () => {
  it('renders Chinese and English from the same params, localized values per language', () => {
    const params = { voucherNumber: 'SJ-001', reason: { 'zh-CN': '检测', en: 'testing' }, description: '样品送检' };

    expect(renderMessage('clock-suspended', 'zh-CN', params).body).toBe('因检测，您的事项（收件凭证 SJ-001）自即日起暂停计算办理时限：样品送检。');
    expect(renderMessage('clock-suspended', 'en', params).subject).toBe('Time limit suspended');
  });

  it('refuses to send a message with a hole in it', () => {
    expect(() => renderMessage('case-received', 'zh-CN', {})).toThrow(MissingTemplateParamError);
  });

  it('every template uses the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const id of Object.keys(MESSAGE_TEMPLATES) as TemplateId[]) {
      const { wording } = MESSAGE_TEMPLATES[id];
      expect([id, placeholders(wording.en.subject + wording.en.body)]).toEqual([id, placeholders(wording['zh-CN'].subject + wording['zh-CN'].body)]);
    }
  });

  it('only the overdue alerts are urgent', () => {
    expect(Object.values(MESSAGE_TEMPLATES).filter((t) => t.urgent).map((t) => t.id).sort()).toEqual(['bad-rating-answer-overdue', 'case-overdue', 'rectification-overdue']);
  });
});
