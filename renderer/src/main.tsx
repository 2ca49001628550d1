import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import i18next from 'i18next';
import { api } from './api';
import { ConsoleProvider } from './app/console-context';
import { ConnectionProvider } from './app/connection-context';
import { initI18n } from './app/i18n';
import { SignedIn } from './app/SignedIn';
import './app/theme.css';
import './app/controls.css';
import './app/shell.css';
import './app/login.css';

const RETRY_MS = 2000;

/**
 * Loads what the shell needs before the first paint (so the language is right from the start);
 * if the core cannot be reached, says so and keeps trying.
 */
async function start(root: Root): Promise<void> {
  try {
    // Only what the core answers anyone: the login screen shows nothing more.
    const [info, display, connection, session] = await Promise.all([
      api.app.info(),
      api.settings.display(),
      api.connection.get(),
      api.session.get(),
    ]);
    await initI18n(display.language);
    root.render(
      <StrictMode>
        <ConsoleProvider initial={{ info, display, session }}>
          <ConnectionProvider initial={connection}>
            <SignedIn />
          </ConnectionProvider>
        </ConsoleProvider>
      </StrictMode>,
    );
  } catch (error) {
    if (!i18next.isInitialized) await initI18n('en');
    root.render(
      <p className="boot-error" role="alert">
        {i18next.t('errors.loadFailed', { message: String(error) })}
      </p>,
    );
    setTimeout(() => void start(root), RETRY_MS);
  }
}

const element = document.getElementById('root');
if (element) void start(createRoot(element));
