import { MONTH, YEAR } from './calendar.js';
import { renderDay } from './edtf-render.js';
import type { PathBuilder } from './path-builder.js';
import { refer } from './referrals.js';
import type { Story } from './story.js';
import { services } from './vocabulary.js';

const REFERENT_ROLES = ['psychosocial référent', 'social worker', 'case manager', 'nurse coordinator', 'activation agent'];

/** Consents are asked at entry: most agree to research, fewer to care sharing; a few withdraw later. */
export function recordConsents(b: PathBuilder): void {
  for (const [scope, agree, withdraw] of [['research', 0.85, 0.08], ['care_sharing', 0.55, 0.06]] as const) {
    if (!b.rng.chance(agree)) continue;
    b.emit('ConsentRecorded', { scope }, { day: b.day + b.rng.int(0, 60), provenance: 'caseworker_observation' });
    if (b.rng.chance(withdraw)) b.schedule(b.rng.int(YEAR, 8 * YEAR), (later) => later.emit('ConsentWithdrawn', { scope }, { provenance: 'caseworker_observation' }));
  }
}

export function assignReferent(b: PathBuilder): void {
  b.emit('ReferentAssigned', { role: b.rng.pick(REFERENT_ROLES) }, { day: b.day + b.rng.int(0, 90), organisation: services.addiction(b.profile.place) });
}

export const referentChanged: Story = {
  name: 'referentChanged',
  weight: (b) => (b.lost ? 0 : 0.3),
  run(b) {
    const reason = b.rng.pick([undefined, 'the référent left the service', 'moved to another city', 'new programme', 'asked by the person']);
    b.emit('ReferentChanged', { role: b.rng.pick(REFERENT_ROLES), ...(reason ? { reason } : {}) });
  },
};

/** Contact lost (perdu de vue, L836); most come back months or years later, some never. */
export const lostToFollowUp: Story = {
  name: 'lostToFollowUp',
  weight: (b) => (b.lost ? 0 : 0.35),
  run(b) {
    const lastContact = renderDay(Math.max(b.window.min, b.day - b.rng.int(10, 120)), b.rng.pick(['month', 'day'] as const), b.rng, b.window);
    b.emit('LostToFollowUp', { lastContact }, { provenance: 'service_record', organisation: services.addiction(b.profile.place) });
    b.lost = true;
    if (!b.rng.chance(0.85)) return;
    b.schedule(b.rng.int(3 * MONTH, 30 * MONTH), (later) => {
      later.lost = false;
      later.together(() => {
        const to = services.addiction(later.profile.place);
        if (later.rng.chance(0.4)) refer(later, { to, initiator: later.rng.pick(['self', 'justice', 'professional'] as const), fromField: 'care' });
        later.emit('FollowUpResumed', {}, { organisation: to });
      });
    });
  },
};

/** A referral that leads nowhere recorded here (another service, an appointment missed). */
export const looseReferral: Story = {
  name: 'looseReferral',
  weight: (b) => (b.lost ? 0 : 0.45),
  run(b) {
    const p = b.profile.place;
    const to = b.rng.pick([services.shelter(p), services.socialAid(p), services.employmentService(p), services.harmReduction(p), services.psychiatric(p)]);
    refer(b, { to, reason: b.rng.pick(['housing', 'income support', 'job search', 'psychiatric assessment', 'harm-reduction material']) });
  },
};
