import { assertValidDefinition, type ProjectionDefinition } from './projection-definition.js';

/**
 * The projections the application runs. Modules add theirs with `ProjectionsModule.forFeature`
 * (Nest has no multi-providers: each registration is a provider that adds itself here while the
 * application is built, before the runner starts).
 */
export class ProjectionCatalog {
  private readonly definitions = new Map<string, ProjectionDefinition>();

  constructor(definitions: Iterable<ProjectionDefinition> = []) {
    for (const definition of definitions) this.register(definition);
  }

  register(definition: ProjectionDefinition): ProjectionDefinition {
    assertValidDefinition(definition);
    const known = this.definitions.get(definition.name);
    if (known && known !== definition) throw new Error(`Two projections are named ${definition.name}`);
    this.definitions.set(definition.name, definition);
    return definition;
  }

  all(): ProjectionDefinition[] {
    return [...this.definitions.values()];
  }
}

export class UnknownProjectionError extends Error {
  readonly code = 'UNKNOWN_PROJECTION';
  constructor(readonly projection: string) {
    super(`No projection is registered under the name ${JSON.stringify(projection)}`);
    this.name = 'UnknownProjectionError';
  }
}
