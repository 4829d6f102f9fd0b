import { v7 as uuidv7 } from 'uuid';
import type { JsonObject, NewEvent } from '@parcours/event-store';

/**
 * The benchmark workload: person streams (`person-<uuidv7>`) and person-event-like payloads
 * shaped after the domain catalogue (libs/domain/src/person/events.ts), about 300 bytes of JSON
 * each. Generated once, before any timing; both the adapter and the baseline get the same objects.
 */
export interface Workload {
  readonly streams: readonly string[];
  readonly events: readonly NewEvent[];
  /** Mean length of `JSON.stringify(event.data)`, in bytes (all ASCII). */
  readonly meanDataBytes: number;
}

/** Small deterministic PRNG (mulberry32), so the payload mix is the same from run to run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'la personne se présente au rendez-vous accompagnée de sa sœur elle évoque une baisse de la consommation ' +
  'depuis trois semaines et un projet de formation en cuisine orientation vers la mission locale pour un ' +
  'accompagnement vers l’emploi suivi médical à reprendre avec le médecin traitant entretien motivationnel ' +
  'point sur le logement demande de domiciliation en cours relais avec le service pénitentiaire d’insertion'
).split(' ');

const ORGANISATIONS = [
  { name: 'CSAPA Le Fil d’Ariane', role: 'addictologue' },
  { name: 'CAARUD L’Escale', role: 'éducatrice spécialisée' },
  { name: 'Mission locale Lyon Nord', role: 'conseiller insertion' },
  { name: 'Centre hospitalier Saint-Jean', role: 'infirmière de liaison' },
  { name: 'SPIP du Rhône', role: 'conseillère pénitentiaire' },
  { name: 'Consultation jeunes consommateurs', role: 'psychologue' },
];
const SETTINGS = ['addiction_outpatient', 'harm_reduction', 'youth_consultation', 'residential', 'therapeutic_community'];
const INITIATORS = ['professional', 'self', 'relative', 'justice'];
const FIRST_NAMES = ['Camille', 'Yanis', 'Léa', 'Karim', 'Inès', 'Mathis', 'Nadia', 'Hugo'];
const LAST_NAMES = ['Martin', 'Benali', 'Dubois', 'Nguyen', 'Moreau', 'Diallo', 'Lefèvre', 'Garcia'];

type Rand = () => number;
const pick = <T>(rand: Rand, values: readonly T[]): T => values[Math.floor(rand() * values.length)]!;

function date(rand: Rand): string {
  const y = 2015 + Math.floor(rand() * 10);
  const m = 1 + Math.floor(rand() * 12);
  const d = 1 + Math.floor(rand() * 28);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function prose(rand: Rand, length: number): string {
  let text = '';
  while (text.length < length) text += (text ? ' ' : '') + pick(rand, WORDS);
  return text.slice(0, Math.max(1, length)).trimEnd();
}

function orgRef(rand: Rand): JsonObject {
  return { organisationId: uuidv7(), ...pick(rand, ORGANISATIONS) };
}

/** One payload, with a free-text field sized so the whole JSON is about `target` bytes. */
function payload(rand: Rand, type: string, target: number): JsonObject {
  const occurredAt = date(rand);
  const fill = (build: (text: string) => JsonObject): JsonObject => {
    const base = JSON.stringify(build('')).length;
    // Accented letters are two bytes in UTF-8: aim a little short of the target.
    return build(prose(rand, Math.max(12, Math.round((target - base) * 0.95))));
  };
  switch (type) {
    case 'PersonRegistered': {
      const firstName = pick(rand, FIRST_NAMES);
      const lastName = pick(rand, LAST_NAMES);
      return fill((address) => ({
        occurredAt,
        pseudonym: `${firstName.slice(0, 2).toUpperCase()}${lastName.slice(0, 2).toUpperCase()}-${Math.floor(rand() * 9000 + 1000)}`,
        birthYear: 1960 + Math.floor(rand() * 45),
        gender: pick(rand, ['female', 'male', 'non_binary', 'unknown']),
        identity: { firstName, lastName, email: `${firstName}.${lastName}@example.org`.toLowerCase(), address },
      }));
    }
    case 'ReferralMade':
      return fill((reason) => ({
        occurredAt,
        from: orgRef(rand),
        to: orgRef(rand),
        initiator: pick(rand, INITIATORS),
        reason,
        appointmentKept: rand() < 0.7,
      }));
    case 'CareEpisodeStarted':
      return fill((note) => ({
        occurredAt,
        episodeId: uuidv7(),
        setting: pick(rand, SETTINGS),
        organisation: { organisationId: uuidv7(), name: pick(rand, ORGANISATIONS).name, role: note },
      }));
    case 'CareEpisodeEnded':
      return fill((reason) => ({ occurredAt, episodeId: uuidv7(), reason }));
    default:
      return fill((text) => ({ occurredAt, text }));
  }
}

const LATER_TYPES = ['ReferralMade', 'ReferralMade', 'CareEpisodeStarted', 'CareEpisodeEnded', 'NarrativeRecorded', 'NarrativeRecorded'];

/**
 * `eventCount` events over `streamCount` streams. Event i is the first of its stream (and a
 * PersonRegistered) when i < streamCount, which is the case in both append modes of the bench.
 */
export function makeWorkload(eventCount: number, streamCount: number, seed = 42): Workload {
  const rand = prng(seed);
  const streams = Array.from({ length: streamCount }, () => `person-${uuidv7()}`);
  const events: NewEvent[] = [];
  let bytes = 0;
  for (let i = 0; i < eventCount; i++) {
    const type = i < streamCount ? 'PersonRegistered' : pick(rand, LATER_TYPES);
    const data = payload(rand, type, 270 + Math.floor(rand() * 60));
    bytes += Buffer.byteLength(JSON.stringify(data));
    events.push({ eventId: uuidv7(), type, data, metadata: { schemaVersion: 1, requestId: uuidv7() } });
  }
  return { streams, events, meanDataBytes: eventCount > 0 ? bytes / eventCount : 0 };
}

/** What both readers do with each event: look into the parsed data, so parsing is not dead code. */
export function touch(data: JsonObject): number {
  const occurredAt = data['occurredAt'];
  return typeof occurredAt === 'string' ? occurredAt.length : 0;
}
