import { capabilitiesSchema } from '../../../shared/central/audit-anchors';
import { CentralError, type CentralHttp } from './central-http';

export interface Capabilities {
  version: string;
  features: ReadonlySet<string>;
}

/** A 1.0 service: everything of version 1, none of 1.1's additions. */
export const VERSION_1_0: Capabilities = { version: '1.0', features: new Set() };

/**
 * What the service offers beyond version 1 (central-api.md, "Version 1.1"). A 1.0 service answers
 * 404, which is an answer, not a fault: the console then keeps its 1.0 behaviour.
 */
export async function fetchCapabilities(http: CentralHttp): Promise<Capabilities> {
  try {
    const answer = await http.request('GET', '/capabilities', capabilitiesSchema);
    return { version: answer.version, features: new Set(answer.features) };
  } catch (error) {
    if (error instanceof CentralError && error.status === 404) return VERSION_1_0;
    throw error;
  }
}

const asked = new WeakMap<CentralHttp, Promise<Capabilities>>();

/**
 * The features of the service a session is with, asked once per session (a new session may be
 * with a service upgraded meanwhile). A failed question is asked again next time.
 */
export function serviceFeatures(http: CentralHttp): Promise<Capabilities> {
  let answer = asked.get(http);
  if (!answer) {
    answer = fetchCapabilities(http);
    asked.set(http, answer);
    answer.catch(() => asked.delete(http));
  }
  return answer;
}
