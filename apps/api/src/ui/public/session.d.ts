// Types of session.js for the TypeScript tests.
export declare const STORAGE_KEY: string;
export declare function tokenFromFragment(hash: string): { token: string | null; rest: string };
export declare function normaliseToken(text: string): string | null;
export declare function tokenClaims(token: string): { role: string | null; sub: string | null; org: string | null; expiresAt: string | null } | null;
export interface WindowLike {
  location: { hash: string; pathname: string; search: string };
  history: { replaceState(data: unknown, unused: string, url: string): void };
  sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void; removeItem(key: string): void };
}
export declare function currentToken(win?: WindowLike): string | null;
export declare function storeToken(token: string, win?: WindowLike): void;
export declare function forgetToken(win?: WindowLike): void;
