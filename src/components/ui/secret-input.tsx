import { useState, type ComponentProps } from 'react';
import { inputClassName } from './field';
import { focusRing } from './tones';

/** A masked input with a show/hide toggle. Nothing here offers to save or autofill what is typed. */
export function SecretInput({ label, ...props }: ComponentProps<'input'> & { label: string }) {
  const [visible, setVisible] = useState(false);
  return (
    <div className="flex gap-2">
      <input
        {...props}
        type={visible ? 'text' : 'password'}
        autoComplete="off"
        autoCorrect="off"
        autoCapitalize="off"
        spellCheck={false}
        data-1p-ignore
        data-lpignore="true"
        className={inputClassName}
      />
      <button
        type="button"
        onClick={() => setVisible((shown) => !shown)}
        aria-pressed={visible}
        aria-label={`${visible ? 'Hide' : 'Show'} ${label}`}
        className={`shrink-0 rounded-md px-2 text-xs font-medium text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 dark:text-slate-200 dark:ring-slate-600 dark:hover:bg-slate-800 ${focusRing}`}
      >
        {visible ? 'Hide' : 'Show'}
      </button>
    </div>
  );
}
