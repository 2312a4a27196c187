/** Injection token of the service's name, e.g. `'catalog'`. */
export const SERVICE_NAME = Symbol('sangeyipi:service-name');
