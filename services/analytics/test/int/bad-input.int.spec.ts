import { describeBadInputAnswers } from '@sangeyipi/testing';
import { PEOPLE, call, createTopics, startAnalytics, testKafka, uniquePrefix } from './analytics-test-kit';

const HUANGPU_OCTOBER = { periodKind: 'month', period: '2026-10', regionCode: '310101' };

// Every analytics route, called by someone allowed on it, with bad input of every kind.
describeBadInputAnswers('analytics', {
  async start() {
    const prefix = uniquePrefix('anbad');
    await createTopics(testKafka(), [prefix]);
    return startAnalytics(prefix);
  },
  // A published bulletin, so that the probes of its pages reach past "unknown bulletin".
  async prepare({ url }) {
    const { status, body } = await call(url, 'POST', '/bulletins', 'huangpuSupervisor', HUANGPU_OCTOBER);
    if (status !== 201) throw new Error(`publishing a bulletin answered ${status}: ${JSON.stringify(body)}`);
    return { bulletinId: body.bulletinId };
  },
  callers: {
    'GET /figures': PEOPLE.huangpuSupervisor,
    'GET /assessments': PEOPLE.huangpuReformOffice,
    'POST /bulletins': PEOPLE.huangpuSupervisor,
    'GET /bulletins': 'public',
    'POST /bulletins/recomputation': PEOPLE.auditor,
    'GET /bulletins/{bulletinId}': 'public',
    'GET /bulletins/{bulletinId}/page': 'public',
  },
  bodies: {
    'POST /bulletins': HUANGPU_OCTOBER,
    'POST /bulletins/recomputation': HUANGPU_OCTOBER,
  },
  queries: {
    'GET /figures': HUANGPU_OCTOBER,
    'GET /assessments': HUANGPU_OCTOBER,
  },
});
