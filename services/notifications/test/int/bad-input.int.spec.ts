import { describeBadInputAnswers, type TestUser } from '@sangeyipi/testing';
import { startNotifications, type StartedNotifications } from './notifications.fixture';

const UNIT_ADMIN: TestUser = { userId: 'bad-input-admin', roles: ['unit_admin'], unitId: 'unit-1' };
const APPLICANT: TestUser = { userId: 'bad-input-applicant', roles: ['applicant'] };

let notifications: StartedNotifications;

// Every notifications route, called by someone allowed on it, with bad input of every kind.
describeBadInputAnswers('notifications', {
  async start() {
    notifications = await startNotifications({ QUIET_HOURS: 'off' });
    return {
      ...notifications.service,
      async close() {
        await notifications.cases.close();
        await notifications.service.close();
      },
    };
  },
  prepare: async () => ({ unitId: 'unit-1' }),
  callers: {
    'GET /inbox': APPLICANT,
    'GET /inbox/stream': APPLICANT,
    'POST /inbox/{id}/read': APPLICANT,
    'GET /preferences': APPLICANT,
    'PUT /preferences': APPLICANT,
    'GET /units/{unitId}/contacts': UNIT_ADMIN,
    'PUT /units/{unitId}/contacts': UNIT_ADMIN,
    'GET /deliveries/failed': { userId: 'bad-input-ops', roles: ['operations_admin'] },
  },
  bodies: {
    'PUT /preferences': { email: 'someone@example.com', phone: '13800000000', language: 'zh-CN', channels: ['inbox', 'email'] },
    'PUT /units/{unitId}/contacts': { webhookUrl: 'https://example.com/hook', handlerId: 'clerk-1', backupId: 'clerk-2', supervisorId: 'sup-1' },
  },
});
