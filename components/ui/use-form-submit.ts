'use client';

import { useState, type FormEvent } from 'react';

/**
 * The busy flag and the error line of a form that sends once: `submit(action)` is the form's
 * onSubmit; `action` gets the form's fields and throws an Error whose message the person reads.
 * On success the form stays busy, as the page is usually on its way elsewhere; `done` ends it.
 */
export function useFormSubmit() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (action: (form: FormData) => Promise<void | 'done'>) => async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      if ((await action(form)) === 'done') setBusy(false);
    } catch (failure) {
      setBusy(false);
      setError(failure instanceof Error ? failure.message : 'That did not work; try again.');
    }
  };
  return { busy, error, submit };
}
