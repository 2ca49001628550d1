import { z } from 'zod';

/**
 * Errors every transport reports the same way, so the renderer can tell a bad input (show the
 * field) from a refused caller or a fault in the core. The page words each code (with its
 * params) in the operator's language; `message` is English for logs and command lines.
 */
export const apiErrorCodeSchema = z.enum([
  'invalid_input',
  'unknown_operation',
  /** The bridge's token is missing or wrong (the page is not this console's). */
  'unauthenticated',
  'not_signed_in',
  'wrong_credentials',
  /** The console is locked: only the lock screen's calls are answered. */
  'locked',
  'forbidden',
  'not_found',
  'conflict',
  /** A move of this alert is still waiting to be sent; params: kind. */
  'move_waiting',
  /** Not in force any more (a suppression lifted meanwhile). */
  'not_in_force',
  'unavailable',
  /** The base station refused a command; params: command, stationCode (E_FULL…), text. */
  'station_refused',
  /** The base station did not answer a command after its resends; params: command. */
  'station_no_answer',
  /** No base station is connected (or it was unplugged); params: state. */
  'station_not_connected',
  'internal',
]);
export type ApiErrorCode = z.infer<typeof apiErrorCodeSchema>;

export const errorParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export type ErrorParams = z.infer<typeof errorParamsSchema>;

export const apiErrorBodySchema = z.object({
  error: z.object({
    code: apiErrorCodeSchema,
    message: z.string(),
    /** Dotted path of the first bad field, for invalid_input. */
    field: z.string().optional(),
    /** What the page needs to word the error (an operation's name, who holds a claim…). */
    params: errorParamsSchema.optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;

export class ConsoleApiError extends Error {
  override readonly name = 'ConsoleApiError';
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly field?: string,
    readonly params?: ErrorParams,
  ) {
    super(message);
  }

  toBody(): ApiErrorBody {
    const error: ApiErrorBody['error'] = { code: this.code, message: this.message };
    if (this.field !== undefined) error.field = this.field;
    if (this.params !== undefined) error.params = this.params;
    return { error };
  }

  static fromBody(body: unknown): ConsoleApiError {
    const parsed = apiErrorBodySchema.safeParse(body);
    if (!parsed.success) return new ConsoleApiError('internal', 'Malformed error answer');
    const { code, message, field, params } = parsed.data.error;
    return new ConsoleApiError(code, message, field, params);
  }
}

/** What IPC handlers return: Electron flattens thrown errors to text, so errors travel as data. */
export type Envelope<T> = { ok: true; value: T } | ({ ok: false } & ApiErrorBody);

export function unwrapEnvelope<T>(envelope: unknown): T {
  if (typeof envelope === 'object' && envelope !== null && 'ok' in envelope) {
    if (envelope.ok === true && 'value' in envelope) return envelope.value as T;
    if (envelope.ok === false) throw ConsoleApiError.fromBody(envelope);
  }
  throw new ConsoleApiError('internal', 'Malformed answer from the console core');
}

/** Names the first failing field of a zod error, e.g. `language` or `rules.0.start`. */
export function describeZodError(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  if (!issue) return { field: '', message: 'Invalid input' };
  const field = issue.path.map(String).join('.');
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
  const where = keys.length > 0 ? keys.join(', ') : field || '(input)';
  return { field: keys[0] ?? field, message: `${where}: ${issue.message}` };
}
