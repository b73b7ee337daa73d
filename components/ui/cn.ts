import { clsx, type ClassValue } from 'clsx';
import { twMerge } from 'tailwind-merge';

/**
 * Joins class names (strings, conditionals, arrays — clsx) and lets the later of two conflicting Tailwind
 * utilities win (tailwind-merge), so a caller's `min-h-11` replaces a primitive's `min-h-9` instead of
 * depending on which rule comes later in the stylesheet. The semantic colour tokens of app/globals.css
 * (`text-muted`, `bg-surface`, `border-line`…) are colours to tailwind-merge like any palette colour.
 */
export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}
