import { MESSAGES, translate, translateValue } from './i18n';

describe('the portal’s messages', () => {
  it('has every message in both languages, with the same placeholders', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    const keys = Object.keys(MESSAGES['zh-CN']) as (keyof (typeof MESSAGES)['zh-CN'])[];

    expect(Object.keys(MESSAGES.en).sort()).toEqual([...keys].sort());
    for (const key of keys) expect({ key, en: placeholders(MESSAGES.en[key]) }).toEqual({ key, en: placeholders(MESSAGES['zh-CN'][key]) });
    for (const key of keys) expect({ key, empty: MESSAGES.en[key].trim() === '' || MESSAGES['zh-CN'][key].trim() === '' }).toEqual({ key, empty: false });
  });

  it('fills placeholders, and leaves unknown ones visible', () => {
    expect(translate('zh-CN', 'common.page', { page: 2, pages: 5, total: 93 })).toBe('第 2 页，共 5 页（93 项）');
    expect(translate('en', 'common.page', { page: 2 })).toBe('Page 2 of {pages} ({total} items)');
  });

  it('translates the values services send, and shows an unknown value as it came', () => {
    expect(translateValue('zh-CN', 'step', 'APPROVAL_STEP_REVIEW')).toBe('审核');
    expect(translateValue('en', 'light', 'red')).toBe('Overdue');
    expect(translateValue('zh-CN', 'status', 'some-new-status')).toBe('some-new-status');
  });
});
