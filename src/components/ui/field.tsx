import { useId, type ReactNode } from 'react';
import { errorText, mutedText, strongText } from './tones';

interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  /** Renders the control, wired to the label, hint and error. */
  children: (control: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }) => ReactNode;
}

/** A labelled control with its hint and, right under it, its error announced to assistive technology. */
export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className={`block text-sm font-medium ${strongText}`}>
        {label}
      </label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}
      {hint ? (
        <p id={hintId} className={`text-xs ${mutedText}`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} role="alert" className={`text-sm ${errorText}`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * Text inputs and selects. Focus shows as one ring (the border thickens to indigo) and the browser's own
 * outline is hidden (kept in forced-colours mode by `outline-hidden`), so a focused field never shows two.
 */
export const inputClassName = [
  'block w-full min-w-0 rounded-md border-0 px-3 py-2 font-mono text-sm shadow-sm ring-1 ring-inset',
  'bg-white text-slate-900 ring-slate-300 placeholder:text-slate-500',
  'dark:bg-slate-950 dark:text-slate-100 dark:shadow-none dark:ring-slate-600 dark:placeholder:text-slate-400',
  'focus:outline-hidden focus:ring-2 focus:ring-indigo-600 dark:focus:ring-indigo-400',
  'aria-[invalid=true]:ring-rose-600 dark:aria-[invalid=true]:ring-rose-400',
  'disabled:bg-slate-100 disabled:text-slate-600 dark:disabled:bg-slate-800 dark:disabled:text-slate-300',
].join(' ');
