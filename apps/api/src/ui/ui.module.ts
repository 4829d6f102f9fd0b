import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { PUBLIC_DIR, vendorFiles } from './ui-files.js';
import { uiRoutes } from './ui-routes.js';

/**
 * The browser pages (/ui/persons/:id, /ui/cohorts/:id): static files on top of the public API.
 * Registered when the application serves HTTP; the CLI's application context has no server.
 */
@Module({})
export class UiModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  async onModuleInit(): Promise<void> {
    const adapter = this.adapterHost.httpAdapter;
    if (!adapter) return;
    await adapter.getInstance<FastifyInstance>().register(uiRoutes, { publicDir: PUBLIC_DIR, vendor: vendorFiles() });
  }
}
