import {
  type BeforeApplicationShutdown,
  type DynamicModule,
  Inject,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { EventStore } from '@parcours/event-store';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG, EVENT_STORE } from '../infrastructure/tokens.js';
import { ProjectionCatalog } from './projection-catalog.js';
import type { ProjectionDefinition } from './projection-definition.js';
import { ProjectionRunner } from './projection-runner.js';
import { ProjectionsController } from './projections.controller.js';
import { ReadModelDatabase } from './read-model-database.js';
import { ReadYourWrites } from './read-your-writes.js';
import type { RunnerOptions } from './runner-options.js';

export interface ProjectionsModuleOptions {
  /**
   * Start the subscriptions at application bootstrap. Default: when the application serves HTTP
   * (the API), not in an application context (the CLI), which calls `start()` or `rebuild()` itself.
   */
  readonly autoStart?: boolean;
  readonly runner?: Partial<Omit<RunnerOptions, 'sequencePositions'>>;
}

export const PROJECTIONS_MODULE_OPTIONS = Symbol('ProjectionsModuleOptions');

/** Registers projections of a feature module: `imports: [ProjectionsModule.forFeature([parcoursProjection])]`. */
@Module({})
export class ProjectionFeatureModule {}

/**
 * The read side's engine: the read-model database, the runner, `GET /admin/projections` and the
 * read-your-writes helper. Global, so query modules inject the runner and the helper directly.
 */
@Module({})
export class ProjectionsModule implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    private readonly runner: ProjectionRunner,
    private readonly database: ReadModelDatabase,
    private readonly adapterHost: HttpAdapterHost,
    @Inject(PROJECTIONS_MODULE_OPTIONS) private readonly options: ProjectionsModuleOptions,
  ) {}

  static forRoot(options: ProjectionsModuleOptions = {}): DynamicModule {
    return {
      module: ProjectionsModule,
      global: true,
      controllers: [ProjectionsController],
      providers: [
        { provide: PROJECTIONS_MODULE_OPTIONS, useValue: options },
        { provide: ReadModelDatabase, useFactory: (config: AppConfig) => ReadModelDatabase.fromConfig(config), inject: [APP_CONFIG] },
        { provide: ProjectionCatalog, useFactory: () => new ProjectionCatalog() },
        {
          provide: ProjectionRunner,
          useFactory: (store: EventStore, database: ReadModelDatabase, catalog: ProjectionCatalog, config: AppConfig) =>
            new ProjectionRunner(store, database, catalog, { ...options.runner, sequencePositions: config.store === 'sqlite' }),
          inject: [EVENT_STORE, ReadModelDatabase, ProjectionCatalog, APP_CONFIG],
        },
        ReadYourWrites,
      ],
      exports: [ReadModelDatabase, ProjectionCatalog, ProjectionRunner, ReadYourWrites],
    };
  }

  /** Nest has no multi-providers: each definition is a provider that adds itself to the catalog. */
  static forFeature(definitions: readonly ProjectionDefinition[]): DynamicModule {
    return {
      module: ProjectionFeatureModule,
      providers: definitions.map((definition) => ({
        provide: `ProjectionDefinition:${definition.name}`,
        useFactory: (catalog: ProjectionCatalog) => catalog.register(definition),
        inject: [ProjectionCatalog],
      })),
    };
  }

  onApplicationBootstrap(): void {
    const servesHttp = Boolean(this.adapterHost.httpAdapter); // null in an application context
    if (this.options.autoStart ?? servesHttp) this.runner.start();
  }

  /** Before any module's shutdown (the event store closes in one): stop feeding, keep answering. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }

  /** After the HTTP server has closed: no query can need the database any more. */
  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
    this.database.close();
  }
}
