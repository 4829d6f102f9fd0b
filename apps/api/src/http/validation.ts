import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { InvalidInputError } from '@parcours/domain';

/**
 * class-validator on every body, query and param DTO: unknown fields are refused, and every
 * broken rule is reported with its field path (`identity.email`) and the rule's name.
 */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new InvalidInputError(flatten(errors)),
  });
}

function flatten(errors: ValidationError[], parent = ''): { field: string; rule: string; message: string }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      rule: rule === 'whitelistValidation' ? 'unknownField' : rule,
      message: rule === 'whitelistValidation' ? 'is not a known field' : message.replace(new RegExp(`^${error.property} `), ''),
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
