import type { InputHTMLAttributes } from 'react';
import { cn } from '@/components/ui/cn';
import { SEARCH_MAX } from '@/lib/domain/search-text';

/** A labelled search box: the label above, the input as long as the API takes. */
export function SearchField({
  label,
  className,
  ...input
}: { label: string } & Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'maxLength'>) {
  return (
    <label className={cn('flex flex-col gap-1 text-sm', className)}>
      {label}
      <input
        {...input}
        type="search"
        maxLength={SEARCH_MAX}
        className="min-h-9 rounded-md border border-line-strong bg-surface px-3"
      />
    </label>
  );
}
