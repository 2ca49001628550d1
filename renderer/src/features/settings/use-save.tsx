import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CentreSettingsPatch, SettingsPatch } from '../../../../shared/domain/settings';
import { errorText } from '../../api/error-text';
import { useConsole } from '../../app/console-context';

type Message = { error: boolean; text: string } | null;

/** Saves a settings patch and keeps what to tell the operator: done, or the core's reason. */
export function useSaveSettings(): {
  message: Message;
  save(patch: SettingsPatch & CentreSettingsPatch, done: string): Promise<void>;
} {
  const { t } = useTranslation();
  const { updateSettings } = useConsole();
  const [message, setMessage] = useState<Message>(null);
  return {
    message,
    save: async (patch, done) => {
      try {
        await updateSettings(patch);
        setMessage({ error: false, text: done });
      } catch (error) {
        setMessage({ error: true, text: errorText(error, t) });
      }
    },
  };
}

/** The outcome of the last save, read out to screen readers. */
export function SaveMessage({ message }: { message: Message }) {
  if (!message) return null;
  return (
    <p role="status" className={message.error ? 'error' : 'muted'}>
      {message.text}
    </p>
  );
}
