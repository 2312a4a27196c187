import { isWithinRegion } from '@sangeyipi/platform';
import { Draw, seededRandom } from '../seeded-random';
import { drawProject, enterpriseCode } from './demo-projects';

const TODAY = '2025-12-15';

describe('same-year projects of the demo', () => {
  const projects = (regionCode: string, count = 500, seed = 1) => {
    const draw = new Draw(seededRandom(seed));
    return Array.from({ length: count }, (_, index) => drawProject(draw, regionCode, index + 1, TODAY));
  };

  it('qualify for the list of this year: documents to start or open, readiness for acceptance, nothing dated after today', () => {
    for (const project of projects('310101')) {
      expect(project.listingYear).toBe(2025);
      expect(project.documents.length).toBeGreaterThan(0);
      expect(new Set(project.documents.map((document) => document.kind)).size).toBe(project.documents.length);
      for (const document of project.documents) expect(document.issuedOn <= TODAY).toBe(true);
      if (project.target === 'completion_acceptance') expect((project.readyForAcceptanceOn ?? '9999') <= TODAY).toBe(true);
      else expect(project.readyForAcceptanceOn).toBeUndefined();
      expect(isWithinRegion(project.siteRegionCode, '310101')).toBe(true);
    }
  });

  it('sites a city project in a district, and mixes both targets and industrial and other projects', () => {
    const city = projects('310000');
    expect(city.every((project) => project.siteRegionCode.length === 6 && project.siteRegionCode !== '310000')).toBe(true);
    const share = (predicate: (project: (typeof city)[number]) => boolean) => city.filter(predicate).length / city.length;
    expect(share((project) => project.target === 'start_or_open')).toBeGreaterThan(0.6);
    expect(share((project) => project.target === 'start_or_open')).toBeLessThan(0.8);
    expect(share((project) => project.industrial)).toBeGreaterThan(0.4);
    expect(share((project) => !project.industrial)).toBeGreaterThan(0.1);
  });

  it('gives each enterprise its own 18-character credit code, by region and serial', () => {
    const codes = [...projects('310101', 50).map((project) => project.owner.applicantId), ...projects('310104', 50).map((project) => project.owner.applicantId)];
    expect(new Set(codes).size).toBe(100);
    for (const code of codes) expect(code).toMatch(/^9131\d{4}MA\d{8}$/);
    expect(enterpriseCode('310101', 7)).toBe('91310101MA00000007');
  });

  it('is repeatable for the same seed', () => {
    expect(projects('310101', 20, 5)).toEqual(projects('310101', 20, 5));
  });
});
