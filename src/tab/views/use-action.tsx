import { useState } from 'react';
import { act } from '../api';
import type { T } from '../texts';
import { Problem } from './problem';

/** Runs one card action; a failed request keeps everything typed and says so. */
export function useAction(t: T, onDone: (notice: string) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const run = async (verb: string, data: Record<string, unknown>) => {
    setBusy(true);
    setError('');
    try {
      onDone((await act(t.locale, verb, data)).notice);
    } catch {
      setError(t('tab.error.load'));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

export function ErrorLine({ error }: { error: string }) {
  return error ? <Problem message={error} /> : null;
}
