// Types of api.js for the TypeScript tests.
export declare class ApiError extends Error {
  constructor(status: number, body: unknown, message?: string);
  readonly status: number;
  readonly body: unknown;
}
export declare function apiRoot(pageUrl: string | URL): URL;
export declare function apiGet(root: URL, path: string, token: string, options?: { accept?: string; signal?: AbortSignal }): Promise<Response>;
export declare function getJson<T = unknown>(root: URL, path: string, token: string, options?: { accept?: string; signal?: AbortSignal }): Promise<T>;
export declare function readNdjson(response: Response, onItem: (item: unknown) => void): Promise<void>;
export declare function explainFailure(error: unknown, claims?: { role: string | null } | null): { status: number; title: string; detail: string; needsToken: boolean };
