import type { ButtonHTMLAttributes } from 'react';
import { cn } from '@/components/ui/cn';

const variants = {
  primary: 'bg-sky-700 text-white hover:bg-sky-800 disabled:bg-sky-900 disabled:text-slate-300',
  secondary: 'border border-line-strong bg-surface text-foreground hover:bg-subtle',
  danger: 'bg-red-600 text-white hover:bg-red-500',
  ghost: 'text-soft hover:bg-subtle',
} as const;

const base =
  'inline-flex min-h-9 items-center justify-center gap-1 rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 disabled:cursor-not-allowed';

/** A button's look, for what must be a link (a page to go to) but reads as an action. */
export function buttonClass(variant: keyof typeof variants = 'secondary', className = ''): string {
  return cn(base, variants[variant], className);
}

export function Button({
  variant = 'secondary',
  className = '',
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof variants }) {
  return <button {...props} className={buttonClass(variant, className)} />;
}
