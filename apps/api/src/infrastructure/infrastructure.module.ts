import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { EventStore } from '@parcours/event-store';
import { v7 as uuidv7 } from 'uuid';
import type { AppConfig } from '../config/app-config.js';
import { KeyStore } from '../privacy/key-store.js';
import { createEventStore } from './create-event-store.js';
import { APP_CONFIG, CLOCK, EVENT_STORE, ID_GENERATOR, type Clock, type IdGenerator } from './tokens.js';

/** The adapters behind the ports: the event store (and its key store), the clock, the id generator, the config. */
@Global()
@Module({})
export class InfrastructureModule implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly keys: KeyStore,
  ) {}

  static forRoot(config: AppConfig, overrides: { store?: EventStore; clock?: Clock } = {}): DynamicModule {
    return {
      module: InfrastructureModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: KeyStore, useFactory: () => KeyStore.fromConfig(config) },
        { provide: EVENT_STORE, useFactory: (keys: KeyStore) => overrides.store ?? createEventStore(config, keys), inject: [KeyStore] },
        { provide: CLOCK, useValue: overrides.clock ?? (() => new Date()) },
        { provide: ID_GENERATOR, useValue: (() => uuidv7()) satisfies IdGenerator },
      ],
      exports: [APP_CONFIG, EVENT_STORE, KeyStore, CLOCK, ID_GENERATOR],
    };
  }

  /** Runs after the HTTP server has closed and in-flight requests have finished. */
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
    this.keys.close(); // after the store: its last reads may still open sealed fields
  }
}
