/** Injection tokens for the ports the application layer depends on. */
export const EVENT_STORE = Symbol('EventStore');
export const CLOCK = Symbol('Clock');
export const ID_GENERATOR = Symbol('IdGenerator');
export const APP_CONFIG = Symbol('AppConfig');

/** The current time. Injected so handlers (and tests) never read the system clock directly. */
export type Clock = () => Date;

/** New identifiers: UUIDv7, so ids sort by creation time. */
export type IdGenerator = () => string;
