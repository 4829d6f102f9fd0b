import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { EventStore } from '@parcours/event-store';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG, EVENT_STORE } from '../infrastructure/tokens.js';

/** The event store is up when it answers a ping (a query for SQLite, a gRPC call for EventStoreDB). */
@Injectable()
export class EventStoreHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async check(key: string) {
    const indicator = this.indicators.check(key);
    try {
      await this.store.ping();
      return indicator.up({ kind: this.config.store });
    } catch (error) {
      return indicator.down({ kind: this.config.store, message: (error as Error).message });
    }
  }
}
