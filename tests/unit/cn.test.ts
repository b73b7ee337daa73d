import { describe, expect, it } from 'vitest';
import { cn } from '@/components/ui/cn';

describe('cn', () => {
  it('lets a caller override a primitive: the later conflicting utility wins', () => {
    expect(cn('inline-flex min-h-9 px-3', 'min-h-11')).toBe('inline-flex px-3 min-h-11');
    expect(cn('bg-sky-600 text-white', 'bg-red-600')).toBe('text-white bg-red-600');
  });

  it('keeps utilities that do not conflict, including other variants of the same property', () => {
    expect(cn('min-h-9 sm:min-h-8', 'min-h-11')).toBe('sm:min-h-8 min-h-11');
    expect(cn('text-sm', 'text-muted')).toBe('text-sm text-muted');
  });

  it('treats the semantic colour tokens as colours', () => {
    expect(cn('text-muted', 'text-danger')).toBe('text-danger');
    expect(cn('text-slate-900', 'text-muted')).toBe('text-muted');
    expect(cn('border border-line', 'border-red-500')).toBe('border border-red-500');
    expect(cn('bg-surface', 'bg-sky-50')).toBe('bg-sky-50');
    expect(cn('hover:bg-subtle', 'hover:bg-sky-700')).toBe('hover:bg-sky-700');
  });

  it('drops falsy parts and flattens conditionals', () => {
    expect(cn('rounded', false, undefined, null, '', { hidden: false, block: true }, ['p-2', 0 && 'p-4'])).toBe(
      'rounded block p-2',
    );
  });
});
