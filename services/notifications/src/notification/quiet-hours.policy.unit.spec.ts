import { earliestDelivery, parseQuietHours } from './quiet-hours.policy';

const at = (shanghaiTime: string) => new Date(`2025-03-03T${shanghaiTime}:00+08:00`);

describe('quiet hours', () => {
  const overnight = parseQuietHours('22:00-08:00');

  it.each([
    ['21:59', '21:59'],
    ['22:00', '08:00+1'],
    ['23:30', '08:00+1'],
    ['03:15', '08:00'],
    ['08:00', '08:00'],
  ])('a non-urgent SMS at %s goes out at %s', (now, expected) => {
    const [time, nextDay] = expected.split('+');
    const expectedAt = new Date(at(time).getTime() + (nextDay ? 86_400_000 : 0));

    expect(earliestDelivery(at(now), 'sms', false, overnight)).toEqual(expectedAt);
  });

  it('an urgent message goes out at once, even at night', () => {
    expect(earliestDelivery(at('23:30'), 'email', true, overnight)).toEqual(at('23:30'));
  });

  it('the inbox and webhooks are never held', () => {
    expect(earliestDelivery(at('23:30'), 'inbox', false, overnight)).toEqual(at('23:30'));
    expect(earliestDelivery(at('23:30'), 'webhook', false, overnight)).toEqual(at('23:30'));
  });

  it('a daytime window works too', () => {
    expect(earliestDelivery(at('12:30'), 'email', false, parseQuietHours('12:00-13:30'))).toEqual(at('13:30'));
  });

  it('"off" means no quiet hours; anything malformed is refused', () => {
    expect(parseQuietHours('off')).toBeUndefined();
    expect(() => parseQuietHours('22-08')).toThrow('HH:MM-HH:MM');
    expect(() => parseQuietHours('08:00-08:00')).toThrow('same minute');
  });
});
