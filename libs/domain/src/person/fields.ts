import { z } from 'zod';
import { ACCEPTED_VALID_TIME_FORMS, parseValidTime } from '../time/valid-time.js';

/** Schema building blocks shared by the event catalogue. */

export const validTime = z.string().refine(
  (value) => {
    try {
      parseValidTime(value);
      return true;
    } catch {
      return false;
    }
  },
  { message: `must be an EDTF date; accepted forms: ${ACCEPTED_VALID_TIME_FORMS}`, params: { rule: 'edtf' } },
);

export const id = z.uuid({ message: 'must be a UUID' });

/** Short free text. Never identifying data: names and contacts only go in the identity block. */
export const label = (max = 200) => z.string().trim().min(1).max(max);

/** Longer free text (a narrative, a reason). Encrypted per person once erasure is built. */
export const note = z.string().trim().min(1).max(4000);

/** Money is never a float: a decimal string with at most two decimals. */
export const amount = z.string().regex(/^\d{1,12}(\.\d{1,2})?$/, { message: 'must be a decimal amount such as "1250.50"' });
export const currency = z.string().regex(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 currency code such as EUR' });

export const organisationRef = z
  .object({
    organisationId: id.optional(),
    name: label().optional(),
    role: label().optional(),
  })
  .strict()
  .refine((o) => o.organisationId || o.name || o.role, { message: 'needs an organisationId, a name or a role', params: { rule: 'required' } });

/** Who the fact comes from (DOMAIN.md §3): the person's own account is not verified, by principle. */
export const PROVENANCES = ['caseworker_observation', 'interview', 'self_report', 'relative', 'service_record', 'unknown'] as const;

/** Fields every person event carries besides its own. */
export const common = {
  /** Valid time: when it happened in the person's life (EDTF). */
  occurredAt: validTime,
  provenance: z.enum(PROVENANCES),
  /** The organisation where it happened or that reports it. */
  organisation: organisationRef.optional(),
  /** Ordering hint: the id of an event of this person this one comes after (same coarse date). */
  after: id.optional(),
  /** Optional free text. */
  note: note.optional(),
};
