import { useConsole } from './console-context';
import { LockScreen } from './LockScreen';
import { LoginScreen } from './LoginScreen';
import { Shell } from './Shell';

/** The shell for a signed-in operator, the lock screen while locked, the login screen otherwise. */
export function SignedIn() {
  const { session, settingsLoaded } = useConsole();
  if (!session.operator) return <LoginScreen />;
  // The shell unmounts: nothing of any client stays in the page while it is locked.
  if (session.locked) return <LockScreen />;
  // Forms take their values once, when they mount: the operator's settings come first.
  return settingsLoaded ? <Shell /> : null;
}
