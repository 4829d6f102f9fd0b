/**
 * Reference data: organisations, programmes (with their canvas periods) and tariffs, each its
 * own stream type. Names are prefixed (organisation, programme, tariff, reference) so they sit
 * beside the person exports without clashing; the schema building blocks stay internal.
 */
export * from './catalogue.js';
export { ISO_COUNTRY_CODES, ISO_CURRENCY_CODES } from './iso-codes.js';
export { amountToCents, DECIMAL_AMOUNT, OPEN_BOUND } from './reference-fields.js';
export * from './organisation/events.js';
export * from './organisation/decider.js';
export * from './programme/events.js';
export * from './programme/decider.js';
export * from './tariff/events.js';
export * from './tariff/decider.js';
