import { describe, expect, it } from '@jest/globals';
import type { z } from 'zod';
import { identitySchema, PERSON_EVENT_CATALOGUE } from '../person/events.js';
import { note } from '../person/fields.js';
import { joinProtected, PROTECTED_FIELDS, splitProtected, withoutProtected } from './erasure.js';
import { foldParcours, type ParcoursInput } from './parcours-state.js';

const P = '018f0000-0000-7000-8000-0000000000ee';
let n = 0;
const id = () => `018f0000-0000-7000-8000-${String(++n).padStart(12, '0')}`;
const at = (revision: number) => `2020-01-01T00:00:${String(revision).padStart(2, '0')}.000Z`;
const history = (): ParcoursInput[] => {
  const care = id();
  const events = [
    { type: 'PersonRegistered', data: { pseudonym: 'Sam', identity: { firstName: 'Samira', email: 's@example.org' }, note: 'met at the station' } },
    { type: 'CareEpisodeStarted', eventId: care, data: { episodeId: id(), setting: 'addiction_outpatient', note: 'came with her brother' } },
    { type: 'NarrativeRecorded', data: { text: 'Hospitalisations became rarer, then stopped.' } },
    { type: 'HousingStatusChanged', data: { status: 'street' } },
    { type: 'EventCorrected', data: { targetEventId: care, reason: 'date', replacement: { episodeId: 'kept', setting: 'addiction_outpatient', occurredAt: '2011', provenance: 'interview', note: 'brother drove her' } } },
  ];
  return events.map((e, revision) => ({ eventId: e.eventId ?? id(), revision, recordedAt: at(revision), type: e.type, data: { occurredAt: '2010', provenance: 'interview', ...e.data } }) as unknown as ParcoursInput);
};
const erased = (revision: number) => ({ eventId: id(), revision, recordedAt: at(revision), type: 'PersonErased', data: { occurredAt: '2020', provenance: 'service_record', reason: 'request' } }) as unknown as ParcoursInput;
const text = (value: unknown) => JSON.stringify(value);

describe('protected fields of person events', () => {
  it('given data with identity, note and a replacement note, when split and joined, then the data comes back whole', () => {
    const data = history()[4]!.data as Record<string, unknown>;
    const split = splitProtected({ ...data, note: 'top note' });
    expect(split.sealed).toEqual({ note: 'top note', replacement: { note: 'brother drove her' } });
    expect(text(split.open)).not.toMatch(/note|brother/);
    expect(joinProtected(split.open, split.sealed)).toEqual({ ...data, note: 'top note' });
  });

  it('given data without protected fields, when split, then nothing is sealed and the data is unchanged', () => {
    expect(splitProtected({ occurredAt: '2010', status: 'street' })).toEqual({ open: { occurredAt: '2010', status: 'street' }, sealed: null });
    expect(withoutProtected({ occurredAt: '2010', identity: { firstName: 'A' }, text: 'x' })).toEqual({ occurredAt: '2010' });
  });

  it('covers every catalogue field typed as free text (note) or as the identity block', () => {
    const unwrap = (schema: z.ZodType): z.ZodType => {
      const inner = (schema.def as { innerType?: z.ZodType }).innerType;
      return inner ? unwrap(inner) : schema;
    };
    const found = new Set<string>();
    for (const entry of Object.values(PERSON_EVENT_CATALOGUE)) {
      const shape = (entry.schema as unknown as z.ZodObject).shape;
      for (const [field, schema] of Object.entries(shape)) {
        const base = unwrap(schema as z.ZodType);
        if (base === note || base === identitySchema) found.add(field);
      }
    }
    expect([...found].sort()).toEqual([...PROTECTED_FIELDS].sort());
  });
});

describe('parcours fold: PersonErased', () => {
  it('given facts with identity, notes and narrative text, when PersonErased, then none is left and the rest stays', () => {
    const events = history();
    const before = foldParcours(P, events);
    expect(text(before)).toMatch(/Samira|station|brother|Hospitalisations/);
    const after = foldParcours(P, [...events, erased(events.length)]);
    expect(text(after)).not.toMatch(/Samira|s@example|station|brother|Hospitalisations|"note"|"identity"|"text"/);
    expect(after.facts.map((f) => f.type)).toEqual([...events.map((e) => e.type).filter((t) => t !== 'EventCorrected'), 'PersonErased']);
    expect(after.facts[0]!.data).toEqual({ occurredAt: '2010', provenance: 'interview', pseudonym: 'Sam' });
    expect(after.facts[1]!.corrections).toHaveLength(1);
  });

  it('given the person erased, then folding live (with the text, then PersonErased) equals a rebuild from the shredded log', () => {
    const events = history();
    const erasure = erased(events.length);
    const live = foldParcours(P, [...events, erasure]);
    const shredded = events.map((e) => ({ ...e, data: withoutProtected(e.data as Record<string, unknown>) }) as ParcoursInput);
    const rebuilt = foldParcours(P, [...shredded, erasure]);
    expect(text(live)).not.toMatch(/brother/);
    expect(rebuilt).toEqual(live);
  });
});
