/** Person streams are `person-<uuid>`: the uuid is the pseudonymous person id used everywhere. */
export const PERSON_CATEGORY = 'person';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function personStream(personId: string): string {
  return `${PERSON_CATEGORY}-${personId}`;
}

export function isPersonId(value: string): boolean {
  return UUID.test(value);
}
