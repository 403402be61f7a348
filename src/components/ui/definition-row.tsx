import type { ReactNode } from 'react';
import { mutedText } from './tones';

/**
 * One label and its value inside a `<dl>`: on a phone the value sits to the right of its label, or under it
 * when it does not fit; from 640 px the rows line up in two columns. Long values (addresses, URLs) wrap
 * anywhere rather than widen the page.
 */
interface DefinitionRowProps {
  label: string;
  children: ReactNode;
  /** The width of the label column from 640 px. */
  labelWidth?: 'narrow' | 'wide';
  /** On a phone the value always takes a line of its own (its height then does not depend on its length). */
  ownLine?: boolean;
  /** Classes for the value (`<dd>`), e.g. a test id is set by the caller inside it. */
  valueClassName?: string;
}

const COLUMNS = { narrow: 'sm:grid-cols-[8rem_minmax(0,1fr)]', wide: 'sm:grid-cols-[11rem_minmax(0,1fr)]' };

export function DefinitionRow({ label, children, labelWidth = 'wide', ownLine = false, valueClassName = '' }: DefinitionRowProps) {
  return (
    <div className={`flex flex-wrap justify-between gap-x-4 sm:grid ${COLUMNS[labelWidth]}`}>
      <dt className={mutedText}>{label}</dt>
      <dd className={`ml-auto min-w-0 text-right wrap-anywhere sm:ml-0 sm:text-left ${ownLine ? 'basis-full sm:basis-auto' : ''} ${valueClassName}`}>
        {children}
      </dd>
    </div>
  );
}
