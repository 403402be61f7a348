/**
 * The page's few colour roles, each in the light and the dark scheme (Tailwind's `dark:` variant follows the
 * system's `prefers-color-scheme`), so every panel, callout and focus ring reads the same way in both and keeps
 * AA contrast. Components compose these instead of repeating colour pairs; a role changes here, once.
 */

/** One visible focus indicator for buttons, links and focusable text: an outline, never a second ring. */
export const focusRing =
  'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:focus-visible:outline-indigo-400';

/** Elements that only receive focus from the page (headings it moves focus to): the same single outline. */
export const focusTarget = `scroll-mt-4 rounded-sm ${focusRing}`;

/** A top-level panel of the page. */
export const panel = 'rounded-lg bg-white p-4 shadow-sm sm:p-5 ring-1 ring-slate-200 dark:bg-slate-900 dark:shadow-none dark:ring-slate-700';

/** Headings and values: the strongest text. */
export const strongText = 'text-slate-900 dark:text-slate-100';

/** Labels, hints and notes. */
export const mutedText = 'text-slate-600 dark:text-slate-400';

/** A field's error, a refusal in running text. */
export const errorText = 'text-rose-700 dark:text-rose-300';

/** A warning in running text (a limit that could not be checked, a read that failed). */
export const warningText = 'text-amber-900 dark:text-amber-200';

export type Tone = 'neutral' | 'success' | 'warning' | 'danger';

/** Boxed messages: background, text and border of each tone. */
export const callout: Record<Tone, string> = {
  neutral: 'bg-slate-100 text-slate-800 ring-slate-200 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-700',
  success: 'bg-emerald-50 text-emerald-950 ring-emerald-200 dark:bg-emerald-950/60 dark:text-emerald-100 dark:ring-emerald-800',
  warning: 'bg-amber-50 text-amber-950 ring-amber-300 dark:bg-amber-950/40 dark:text-amber-100 dark:ring-amber-700',
  danger: 'bg-rose-50 text-rose-950 ring-rose-200 dark:bg-rose-950/60 dark:text-rose-100 dark:ring-rose-800',
};

/** A small inset box inside a panel (the account figures, a code block's frame). */
export const insetBox = 'rounded-md bg-slate-50 ring-1 ring-slate-200 dark:bg-slate-950 dark:ring-slate-700';

/** Links in running text. */
export const linkText = 'font-medium text-violet-800 underline hover:text-violet-950 dark:text-violet-300 dark:hover:text-violet-200';
