import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { AppConfig } from '../config/app-config.js';
import { AuthenticationGuard } from './authentication.guard.js';
import { OrganisationDirectory } from './organisation-directory.js';
import { PersonAccess } from './person-access.js';
import { PersonStreamRepository } from '../persons/person-stream.repository.js';
import { TokenVerifier } from './tokens.js';

@Global()
@Module({})
export class AuthModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AuthModule,
      providers: [
        { provide: TokenVerifier, useValue: new TokenVerifier(config.auth) },
        { provide: APP_GUARD, useClass: AuthenticationGuard },
        OrganisationDirectory,
        PersonAccess,
        // One per process: the per-person decision states that appends and access checks share.
        PersonStreamRepository,
      ],
      exports: [TokenVerifier, OrganisationDirectory, PersonAccess, PersonStreamRepository],
    };
  }
}
