import type { SelectHTMLAttributes } from 'react';
import { cn } from '@/components/ui/cn';

/**
 * A labelled choice among a fixed list (the label above, like SearchField's), each shown by
 * `labelOf`; `onChoose` hears the choice as one of `choices` (a plain form reads `name` instead).
 */
export function SelectField<T extends string>({
  label,
  choices,
  labelOf,
  onChoose,
  className,
  ...select
}: {
  label: string;
  choices: readonly T[];
  labelOf: (choice: T) => string;
  onChoose?: (choice: T) => void;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange'>) {
  return (
    <label className={cn('flex flex-col gap-1 text-sm', className)}>
      {label}
      <select
        {...select}
        onChange={onChoose ? (e) => onChoose(choices.find((c) => c === e.target.value) ?? choices[0]) : undefined}
        className="min-h-9 rounded-md border border-line-strong bg-surface px-2"
      >
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {labelOf(choice)}
          </option>
        ))}
      </select>
    </label>
  );
}
