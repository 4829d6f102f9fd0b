/** The one shape of every error response. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  code: string;
  message: string;
  /** For 400s: every broken rule, with the field path. */
  errors?: { field: string; rule: string; message: string }[];
  details?: Record<string, unknown>;
  requestId?: string;
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function errorBody(statusCode: number, code: string, message: string, extra: Partial<ErrorBody> = {}): ErrorBody {
  return { statusCode, error: REASONS[statusCode] ?? 'Error', code, message, ...extra };
}
