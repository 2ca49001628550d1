import type { CoreModule } from '../module';
import type { SessionGuard } from './session-guard';

type SessionOperation =
  | 'session.get'
  | 'session.login'
  | 'session.logout'
  | 'session.lock'
  | 'session.unlock'
  | 'session.activity';

/** Signing in and out, the idle lock and the lock screen. */
export function authModule(guard: SessionGuard): CoreModule<SessionOperation> {
  return {
    name: 'auth',
    handlers: {
      'session.get': () => guard.state(),
      'session.login': ({ username, password }) => guard.login(username, password),
      'session.logout': (_input, { operator }) => guard.logout(operator),
      'session.lock': () => guard.lock('operator'),
      'session.unlock': ({ password }) => guard.unlock(password),
      'session.activity': () => {
        guard.activity();
        return {};
      },
    },
    start: () => guard.start(),
    close: () => guard.close(),
  };
}
