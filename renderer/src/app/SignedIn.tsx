import { useConsole } from './console-context';
import { LoginScreen } from './LoginScreen';
import { Shell } from './Shell';

/** The shell for a signed-in operator, the login screen for everyone else. */
export function SignedIn() {
  const { session } = useConsole();
  return session.operator ? <Shell /> : <LoginScreen />;
}
