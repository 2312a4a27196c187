import type { Activity, Actor, SimulationContext } from './simulation-context';
import { reformOfficeOf } from '../world/demo-people';

/**
 * The analytics context: the reform office publishes a statistics bulletin (统计通报) of the month so
 * far, for the city or a district. The service also publishes last month's by itself on the 1st.
 */
export class AnalyticsActor implements Actor {
  readonly context = 'analytics';
  readonly requires = { service: 'analytics', route: '/bulletins' };

  activities(): Activity[] {
    return [{ name: 'bulletin', weight: 0.05, run: (c) => this.bulletin(c) }];
  }

  private async bulletin(c: SimulationContext): Promise<void> {
    const districts = [...new Set(c.world.units.filter((unit) => unit.level === 'district').map((unit) => unit.regionCode))];
    const regionCode = c.draw.chance(0.3) || districts.length === 0 ? '310000' : c.draw.pick(districts);
    await c.api.post('analytics', '/bulletins', reformOfficeOf(regionCode), { periodKind: 'month', period: c.today().slice(0, 7), regionCode });
    c.count('analytics.bulletins');
  }
}
