import type { z } from 'zod';

/** A failed request to the central service, as central-api.md describes it. */
export class CentralError extends Error {
  override readonly name = 'CentralError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Seconds to wait before retrying (429's Retry-After). */
    readonly retryAfterS: number | null = null,
  ) {
    super(message);
  }

  /** 5xx, 429 and network failures are worth retrying; 4xx are answers. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

/** JSON over HTTP to the central service. Every answer is parsed with the schema given. */
export class CentralHttp {
  token: string | null = null;

  constructor(readonly baseUrl: string) {}

  async request<S extends z.ZodType>(
    method: string,
    path: string,
    schema: S | null,
    body?: unknown,
  ): Promise<z.output<S>> {
    const text = await (await this.answer(method, path, body)).text();
    if (schema === null) return undefined as z.output<S>;
    const parsed = schema.safeParse(text === '' ? null : safeJson(text));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw malformedAnswer(method, path, `${issue?.path.join('.')} ${issue?.message}`);
    }
    return parsed.data;
  }

  /** A successful answer's body unread, as bytes (to be parsed elsewhere, e.g. the snapshot). */
  async bytes(method: string, path: string): Promise<ArrayBuffer> {
    return (await this.answer(method, path)).arrayBuffer();
  }

  /** The answer when it is a success; a CentralError with the service's code otherwise. */
  private async answer(method: string, path: string, body?: unknown): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}/api/v1${path}`, {
        method,
        headers: {
          'Content-Type': 'application/json',
          ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      throw new CentralError(
        0,
        'network',
        `Central service unreachable: ${(error as Error).message}`,
      );
    }
    if (response.ok) return response;
    const text = await response.text();
    const json: unknown = text === '' ? null : safeJson(text);
    const error = (json as { error?: { code?: string; message?: string } } | null)?.error;
    const retryAfter = Number(response.headers.get('Retry-After'));
    throw new CentralError(
      response.status,
      error?.code ?? 'http_error',
      error?.message ?? `HTTP ${response.status}`,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
    );
  }
}

/** An answer that does not keep to central-api.md: treated as the service failing (502). */
export const malformedAnswer = (method: string, path: string, problem: string): CentralError =>
  new CentralError(502, 'malformed_answer', `Malformed answer to ${method} ${path}: ${problem}`);

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
