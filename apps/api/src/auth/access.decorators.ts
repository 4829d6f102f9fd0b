import { SetMetadata } from '@nestjs/common';
import type { Role } from './principal.js';

export const PUBLIC_ROUTE = 'parcours:public';
export const ALLOWED_ROLES = 'parcours:roles';

/** A route anyone may call without a token (health, API docs, the pages' static files). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/**
 * The roles that may call a route. Every non-public route must say it: a route without this
 * decorator is refused to everybody (deny by default), and the access matrix test fails.
 */
export const Allow = (...roles: [Role, ...Role[]]) => SetMetadata(ALLOWED_ROLES, roles);
