export * from './errors.js';
export * from './time/valid-time.js';
export * from './person/events.js';
export * from './person/commands.js';
export * from './person/decider.js';
export * from './person/parse-event.js';
export * from './person/upcasting.js';
export * from './person/person-stream.js';
