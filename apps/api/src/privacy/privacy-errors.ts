import { DomainError } from '@parcours/domain';

/** An append to a person whose data key is destroyed: refused (422) like the decider's own rule. */
export class PersonErasedError extends DomainError {
  constructor(personId: string) {
    super('PERSON_ERASED', 'This person has been erased: nothing can be recorded after erasure', { personId });
    this.name = 'PersonErasedError';
  }
}

/**
 * PersonErased recorded by any other way than DELETE /persons/:id (a POSTed event, an import)
 * would say "erased" while the identity stays readable: refused (422).
 */
export class ErasureRouteError extends DomainError {
  constructor(personId: string) {
    super('ERASE_WITH_DELETE', 'PersonErased is recorded by DELETE /persons/:id (admin), which first destroys the person\'s data key', { personId });
    this.name = 'ErasureRouteError';
  }
}

/**
 * Sealed data that does not open: tampered, copied into another event, or sealed under another
 * key. Never read as "erased": it is an integrity failure, answered 500 and logged.
 */
export class SealedDataError extends Error {
  readonly code = 'SEALED_DATA_INVALID';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SealedDataError';
  }
}

/**
 * Events sealed with a key the key store never had, and no erasure recorded: a wrong or lost
 * PARCOURS_KEY_DB. Never read as "erased" either, or a misconfiguration would erase everyone.
 */
export class DataKeyMissingError extends Error {
  readonly code = 'DATA_KEY_MISSING';
  constructor(personId: string) {
    super(`Person ${personId} has sealed data but the key store has neither their key nor their erasure: is PARCOURS_KEY_DB the right file?`);
    this.name = 'DataKeyMissingError';
  }
}

/** The key store cannot be used as configured (another master key, a bad demo key file, a stuck checkpoint). */
export class KeyStoreError extends Error {
  readonly code = 'KEY_STORE_UNUSABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'KeyStoreError';
  }
}
