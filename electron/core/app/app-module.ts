import type { AppInfo } from '../../../shared/domain/app-info';
import type { ConnectionTracker } from '../central/connection-state';
import type { CoreModule } from '../module';

/** What any window may ask before signing in: the console's identity and its connection. */
export function appModule(
  info: AppInfo,
  connection: ConnectionTracker,
): CoreModule<'app.info' | 'connection.get'> {
  return {
    name: 'app',
    handlers: {
      'app.info': () => info,
      'connection.get': () => connection.get(),
    },
  };
}
