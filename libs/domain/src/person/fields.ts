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

/** Longer free text (a narrative, a reason); encrypted per person once erasure is built. */
export const note = z.string().trim().min(1).max(4000);

export const organisationRef = z.object({
  organisationId: id.optional(),
  name: label().optional(),
  role: label().optional(),
}).strict();
