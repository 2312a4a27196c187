/**
 * A holiday arrangement for 2027 shaped like a State Council notice, as POST /calendar/notices takes it.
 * Test data only: it is NOT the State Council's 2027 arrangement (unpublished when it was written), and
 * its number says so.
 *   元旦 1–3 January; 春节 5–12 February, Saturday 13 February worked; 国庆节 1–7 October, Sunday
 *   26 September and Saturday 9 October worked.
 */
export function testHolidayNotice2027(changes: { noticeNumber?: string; title?: string } = {}) {
  const days = (holiday: string, ...dates: string[]) => dates.map((date) => ({ date, holiday }));
  return {
    year: 2027,
    noticeNumber: changes.noticeNumber ?? '测试通知〔2026〕1号',
    title: changes.title ?? '关于2027年部分节假日安排的通知（测试数据）',
    restDays: [
      ...days('元旦', '2027-01-01', '2027-01-02', '2027-01-03'),
      ...days('春节', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'),
      ...days('国庆节', '2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'),
    ],
    workdays: [...days('春节', '2027-02-13'), ...days('国庆节', '2027-09-26', '2027-10-09')],
  };
}
