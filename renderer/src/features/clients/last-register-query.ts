import type { RegisterQuery } from '../../app/routes';

let last: { operatorId: string; query: RegisterQuery } | null = null;

/**
 * The register's view as this operator left it: Esc in a client file goes back to it. Another
 * operator signing in on the console starts from the plain list (a search names people).
 */
export const lastRegisterQuery = (operatorId: string | undefined): RegisterQuery =>
  last && last.operatorId === operatorId ? last.query : {};

export function rememberRegisterQuery(operatorId: string | undefined, query: RegisterQuery): void {
  last = operatorId ? { operatorId, query } : null;
}
