import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { describeConfigVariable } from './config-variable.decorator';
import { ServiceConfig } from './service-config.schema';

/** A configuration class: `ServiceConfig` or a service's subclass of it. */
export type ConfigSchema<C extends ServiceConfig = ServiceConfig> = new () => C;

/** The environment variables as the process received them. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** The configuration cannot be used; `problems` holds one line per bad variable. */
export class InvalidConfigurationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'InvalidConfigurationError';
  }
}

/**
 * Reads and validates the configuration from `env`. Empty variables count as missing; unknown
 * variables are ignored. Throws `InvalidConfigurationError` naming every bad variable, with what
 * was expected, and the given value unless the variable is a secret (then only a URL's
 * non-secret parts are shown).
 */
export function loadServiceConfig<C extends ServiceConfig>(schema: ConfigSchema<C>, env: Environment): C {
  const given: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && value.trim() !== '') given[name] = value.trim();
  }
  const config = plainToInstance(schema, given);
  const errors = validateSync(config, { whitelist: true, stopAtFirstError: true, validationError: { target: false } });
  if (errors.length > 0) {
    throw new InvalidConfigurationError(errors.map((error) => describeProblem(schema, error, given[error.property])));
  }
  return config;
}

function describeProblem(schema: ConfigSchema, error: ValidationError, givenValue: string | undefined): string {
  const name = error.property;
  const description = describeConfigVariable(schema, name);
  const expected = description ? ` (${description.expected})` : '';
  if (givenValue === undefined) return `Invalid configuration: ${name} is required${expected}`;
  const reason = Object.values(error.constraints ?? {})[0] ?? 'is not valid';
  const shown = showValue(givenValue, description?.secret ?? false);
  return `Invalid configuration: ${name} ${reason}, got ${shown}${expected}`;
}

/**
 * The value as given; for a secret only a URL's scheme, user, host and path, with the password
 * masked and any query left out. A secret that is not such a URL is not shown at all.
 */
function showValue(value: string, secret: boolean): string {
  if (!secret) return JSON.stringify(value);
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || url.host === '') return '(a value not shown because it may hold a secret)';
  const user = url.username ? `${url.username}${url.password ? ':***' : ''}@` : '';
  const query = url.search ? '?…' : '';
  return JSON.stringify(`${url.protocol}//${user}${url.host}${url.pathname}${query}`);
}
