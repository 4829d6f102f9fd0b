import { progressReporter, ratePerSecond } from '../progress-reporter.js';

export interface DemoProgress {
  update(persons: number, events: number): void;
  stop(): void;
}

/** The demo's progress over the persons generated or loaded. */
export function demoProgress(verb: string, totalPersons: number, stream: NodeJS.WriteStream = process.stderr): DemoProgress {
  const started = Date.now();
  const reporter = progressReporter({ label: verb, total: totalPersons, unit: 'persons' }, stream);
  return {
    update: (persons, events) => reporter.update(persons, `${events} events, ${ratePerSecond(events, started)} events/s`),
    stop: () => reporter.stop(),
  };
}
