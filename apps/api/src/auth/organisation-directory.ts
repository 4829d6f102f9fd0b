import { Inject, Injectable } from '@nestjs/common';
import { organisationStream, type OrganisationType } from '@parcours/domain';
import type { EventStore } from '@parcours/event-store';
import { EVENT_STORE } from '../infrastructure/tokens.js';

/**
 * Care-side organisations: the ones that handle clinical matters. Every other kind (employment,
 * training, social, justice, unregistered) sees clinical events only with the person's consent
 * to care sharing (DOMAIN.md §8) — failing closed for organisations we know nothing about.
 */
const CARE_SIDE: ReadonlySet<OrganisationType> = new Set(['addiction_service', 'hospital', 'rehabilitation_centre']);

/** Organisation kinds from the reference streams; an organisation's type never changes, so it is cached. */
@Injectable()
export class OrganisationDirectory {
  private readonly types = new Map<string, OrganisationType>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async isCareSide(organisationId: string): Promise<boolean> {
    const type = await this.typeOf(organisationId);
    return type !== null && CARE_SIDE.has(type);
  }

  async typeOf(organisationId: string): Promise<OrganisationType | null> {
    const known = this.types.get(organisationId);
    if (known) return known;
    for await (const event of this.store.readStream(organisationStream(organisationId), { maxCount: 1 })) {
      if (event.type !== 'OrganisationRegistered') break;
      const type = (event.data as { type: OrganisationType }).type;
      if (this.types.size > 10_000) this.types.clear();
      this.types.set(organisationId, type);
      return type;
    }
    return null;
  }
}
