import { CorrelationContext } from './correlation.context';
import { createServiceLogger } from './service-logger.factory';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  return {
    lines,
    raw,
    destination: {
      write(chunk: string) {
        raw.push(chunk);
        lines.push(JSON.parse(chunk) as Record<string, unknown>);
      },
    },
  };
}

describe('createServiceLogger', () => {
  it('writes one JSON object per line with the service, an ISO time and the level as a word', () => {
    const { lines, destination } = capture();

    createServiceLogger({ service: 'catalog', level: 'info', destination }).info('started');

    expect(lines).toEqual([expect.objectContaining({ service: 'catalog', level: 'info', msg: 'started', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) })]);
  });

  it('adds the current correlation id to every line written inside CorrelationContext', () => {
    const { lines, destination } = capture();
    const logger = createServiceLogger({ service: 'cases', level: 'info', destination });

    CorrelationContext.run('event-7', () => logger.child({ context: 'Consumer' }).info('handled'));
    logger.info('outside');

    expect(lines.map((line) => line.correlationId)).toEqual(['event-7', undefined]);
  });

  it('writes the correlation id once when the logger is already bound to it', () => {
    const { raw, destination } = capture();
    const logger = createServiceLogger({ service: 'cases', level: 'info', destination });

    CorrelationContext.run('req-1', () => logger.child({ correlationId: 'req-1' }).info('in a request'));

    expect(raw[0].match(/"correlationId"/g)).toHaveLength(1);
  });

  it('leaves out lines below the configured level', () => {
    const { lines, destination } = capture();
    const logger = createServiceLogger({ service: 'cases', level: 'warn', destination });

    logger.info('chatter');
    logger.warn('attention');

    expect(lines.map((line) => line.msg)).toEqual(['attention']);
  });
});
