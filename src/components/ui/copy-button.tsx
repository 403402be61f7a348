import { useState } from 'react';
import { errorText, focusRing } from './tones';

/**
 * Copies a text to the clipboard and says whether it worked. The text can be produced at the click (a
 * signature, say). Failures are shown next to the button, never swallowed.
 */
interface CopyButtonProps {
  /** The button's accessible name, e.g. "Copy address". */
  label: string;
  text: string | (() => Promise<string>);
  /** The visible text of the button; the label by default. */
  children?: string;
  className?: string;
  disabled?: boolean;
}

type CopyState = { kind: 'idle' } | { kind: 'copied' } | { kind: 'failed'; reason: string };

async function writeToClipboard(text: string): Promise<void> {
  if (typeof navigator === 'undefined' || !navigator.clipboard) {
    throw new Error('this page has no access to the clipboard (it needs https or localhost)');
  }
  await navigator.clipboard.writeText(text);
}

/** A DOMException is not an Error in every realm; both carry a message. */
function reasonOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string') return error.message;
  return String(error);
}

export function CopyButton({ label, text, children, className = '', disabled = false }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>({ kind: 'idle' });
  const copy = async () => {
    setState({ kind: 'idle' });
    try {
      await writeToClipboard(typeof text === 'string' ? text : await text());
      setState({ kind: 'copied' });
    } catch (error) {
      setState({ kind: 'failed', reason: reasonOf(error) });
    }
  };
  return (
    <span className={`inline-flex flex-wrap items-center gap-2 ${className}`}>
      <button
        type="button"
        aria-label={label}
        onClick={() => void copy()}
        disabled={disabled}
        className={`rounded px-1.5 py-0.5 font-sans text-xs font-medium text-slate-700 ring-1 ring-slate-300 ring-inset hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-50 dark:text-slate-200 dark:ring-slate-600 dark:hover:bg-slate-800 ${focusRing}`}
      >
        {children ?? 'Copy'}
      </button>
      <span role="status" className="font-sans text-xs text-emerald-800 dark:text-emerald-300">
        {state.kind === 'copied' ? 'Copied' : ''}
      </span>
      {state.kind === 'failed' ? (
        <span role="alert" className={`font-sans text-xs ${errorText}`}>
          Could not copy: {state.reason}
        </span>
      ) : null}
    </span>
  );
}
