import { foldParcours, parseValidTime, parsePersonEvent, type IdentifiedPersonEvent, type ParcoursInput, type ProgrammeCanvas } from '@parcours/domain';
import { ENVELOPE_FIELDS } from '@parcours/domain';
import { CHRIS_ID, chrisLines } from './chris.js';

/** Chris's fixture as parcours inputs (recorded one day apart, in file order), for pure tests. */
export function chrisInputs(start = Date.parse('2012-11-05T09:00:00Z')): ParcoursInput[] {
  return chrisLines().map((line, revision) => {
    const envelope = Object.fromEntries(ENVELOPE_FIELDS.filter((f) => line[f] !== undefined).map((f) => [f, line[f]]));
    const event = parsePersonEvent(line.type, { ...line.data, ...envelope }) as IdentifiedPersonEvent;
    return { ...event, eventId: line.eventId, revision, recordedAt: new Date(start + revision * 86_400_000).toISOString() } as ParcoursInput;
  });
}

export const chrisState = () => foldParcours(CHRIS_ID, chrisInputs());

export const ARTICLE_23_ID = '018f0000-0000-7000-8000-0000000a2300';

/** Article 23's canvas (L859-862), as the demo data defines it. */
export const article23Canvas: ProgrammeCanvas = {
  programmeId: ARTICLE_23_ID,
  name: 'Article 23',
  periods: [
    { periodId: '018f0000-00a2-7000-8000-000000000001', label: 'Parcours avant 2000', span: parseValidTime('../1999') },
    { periodId: '018f0000-00a2-7000-8000-000000000002', label: 'De 2000 à 2008 : projets Activation', span: parseValidTime('2000/2008') },
    { periodId: '018f0000-00a2-7000-8000-000000000003', label: 'De 2009 à 2012 : projet actuel', span: parseValidTime('2009/2012') },
  ],
};
