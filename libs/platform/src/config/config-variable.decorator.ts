import 'reflect-metadata';

const CONFIG_VARIABLE = Symbol('sangeyipi:config-variable');

/** What an operator needs to know to set one environment variable right. */
export interface ConfigVariableDescription {
  /** The expected shape with an example, e.g. `a PostgreSQL URL, e.g. postgres://user@host:5432/db`. */
  expected: string;
  /** A secret (password, token, URL with credentials): its value is never printed as given. */
  secret?: boolean;
}

/**
 * Describes an environment variable of a configuration schema, so that a failed validation can
 * say what was expected instead of only what went wrong.
 */
export function ConfigVariable(expected: string, options: { secret?: boolean } = {}): PropertyDecorator {
  return (target, propertyKey) => {
    const description: ConfigVariableDescription = { expected, secret: options.secret ?? false };
    Reflect.defineMetadata(CONFIG_VARIABLE, description, target, propertyKey);
  };
}

/** The description of `variable` on `schema` (inherited from base schemas), if any. */
export function describeConfigVariable(schema: abstract new () => object, variable: string): ConfigVariableDescription | undefined {
  return Reflect.getMetadata(CONFIG_VARIABLE, schema.prototype, variable) as ConfigVariableDescription | undefined;
}
