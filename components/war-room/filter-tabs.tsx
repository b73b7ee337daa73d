'use client';

import { cn } from '@/components/ui/cn';
export function FilterTabs<T extends string>({
  value,
  options,
  onChange,
  label,
}: {
  value: T;
  options: { value: T; label: string }[];
  onChange: (value: T) => void;
  label: string;
}) {
  return (
    <div
      role="tablist"
      aria-label={label}
      className="inline-flex rounded-lg border border-slate-300 p-0.5 dark:border-slate-700"
    >
      {options.map((option) => (
        <button
          key={option.value}
          role="tab"
          aria-selected={value === option.value}
          onClick={() => onChange(option.value)}
          className={cn(
            'min-h-9 rounded-md px-3 text-sm',
            value === option.value ? 'bg-sky-700 text-white' : 'hover:bg-subtle',
          )}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
