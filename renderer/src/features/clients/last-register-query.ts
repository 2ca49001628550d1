import type { RegisterQuery } from '../../app/routes';

let last: RegisterQuery = {};

/** The register's view as it was left: Esc in a client file goes back to it. */
export const lastRegisterQuery = (): RegisterQuery => last;

export function rememberRegisterQuery(query: RegisterQuery): void {
  last = query;
}
