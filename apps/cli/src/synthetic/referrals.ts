import type { LANES, REFERRAL_INITIATORS } from '@parcours/domain';
import { WEEK } from './calendar.js';
import type { OrganisationName } from './cohort-line.js';
import type { Draft, PathBuilder } from './path-builder.js';
import { services } from './vocabulary.js';

export type Lane = (typeof LANES)[number];
type Initiator = (typeof REFERRAL_INITIATORS)[number];

export interface ReferralSpec {
  readonly to: OrganisationName;
  readonly fromField?: Lane;
  readonly from?: OrganisationName;
  readonly initiator?: Initiator;
  readonly reason?: string;
}

/** Who usually sends a person from each lane (DOMAIN.md L801, L811, L832). */
function referrerOf(b: PathBuilder, lane: Lane): OrganisationName {
  const p = b.profile.place;
  switch (lane) {
    case 'employment':
      return { ...services.employmentService(p), role: 'employment counsellor' };
    case 'care':
      return b.rng.pick([{ role: 'psychosocial référent' }, services.addiction(p), services.hospital(p), services.harmReduction(p)]);
    case 'social':
      return b.rng.pick([{ ...services.socialAid(p), role: 'social worker' }, services.shelter(p), services.justice(p)]);
    case 'training':
      return services.trainingCentre(p);
  }
}

/**
 * A referral (orientation) to a service. Whether the appointment was kept is told at once, or
 * learnt weeks later (ReferralFollowedUp), or never told.
 */
export function refer(b: PathBuilder, spec: ReferralSpec): Draft {
  const fromField = spec.fromField ?? b.rng.weighted([['care', 40], ['social', 30], ['employment', 25], ['training', 5]] as const);
  const initiator = spec.initiator ?? b.rng.weighted([['professional', 75], ['self', 15], ['relative', 6], ['justice', 4]] as const);
  const referralId = b.id();
  const told = b.rng.next();
  const draft = b.emit('ReferralMade', {
    referralId,
    from: spec.from ?? (initiator === 'self' ? { role: 'the person themself' } : initiator === 'relative' ? { role: 'a relative' } : referrerOf(b, fromField)),
    to: spec.to,
    initiator,
    ...(initiator === 'self' ? {} : { fromField }),
    ...(spec.reason ? { reason: spec.reason } : {}),
    ...(told < 0.6 ? { appointmentKept: b.rng.chance(0.85) } : {}),
  });
  if (told >= 0.6 && told < 0.85) {
    b.schedule(b.rng.int(1, 8) * WEEK, (later) => {
      later.emit('ReferralFollowedUp', { referralId, appointmentKept: later.rng.chance(0.7) }, { provenance: 'service_record', organisation: spec.to });
    });
  }
  return draft;
}
