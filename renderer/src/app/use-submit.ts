import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/error-text';

/**
 * A form's send: busy while the core works, its refusal in the operator's language, and a hook
 * for what to clear after a refusal (a password field).
 */
export function useSubmit(send: () => Promise<unknown>, onRefused: () => void) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await send();
    } catch (caught) {
      setError(errorText(caught, t));
      onRefused();
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, submit };
}
