import type { ButtonHTMLAttributes } from 'react';
import { focusRing } from './tones';

type Variant = 'primary' | 'secondary' | 'danger';

// White on indigo-600 and rose-600 keeps AA contrast on light and dark panels alike.
const VARIANTS: Record<Variant, string> = {
  primary: 'bg-indigo-600 text-white hover:bg-indigo-700',
  secondary:
    'bg-white text-slate-900 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 dark:bg-slate-800 dark:text-slate-100 dark:ring-slate-600 dark:hover:bg-slate-700',
  danger: 'bg-rose-600 text-white hover:bg-rose-700',
};

/** The page's button: one look per role, one focus outline, a disabled state that reads as disabled. */
export function Button({ variant = 'primary', className = '', type = 'button', ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return (
    <button
      type={type}
      className={`inline-flex items-center justify-center rounded-md px-3.5 py-2 text-sm font-semibold shadow-sm disabled:cursor-not-allowed disabled:opacity-50 aria-disabled:cursor-not-allowed aria-disabled:opacity-50 dark:shadow-none ${focusRing} ${VARIANTS[variant]} ${className}`}
      {...props}
    />
  );
}
