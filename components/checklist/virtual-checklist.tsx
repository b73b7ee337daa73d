'use client';

import { defaultRangeExtractor, useWindowVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { PhaseDto } from '@/lib/contracts/deployments';
import type { ItemDto } from '@/lib/contracts/items';

export type VirtualRow =
  | { kind: 'phase'; key: string; phase: PhaseDto }
  | { kind: 'section'; key: string; title: string }
  | { kind: 'item'; key: string; item: ItemDto; depth: number };

type Props = {
  rows: VirtualRow[];
  renderPhase: (phase: PhaseDto) => ReactNode;
  renderItem: (item: ItemDto, depth: number) => ReactNode;
  /** The row picked with the keyboard: scrolled to when it changes, and kept mounted. */
  selectedKey?: string | null;
};

function estimate(row: VirtualRow): number {
  if (row.kind === 'phase') return 52;
  if (row.kind === 'section') return 30;
  return row.item.command ? 150 : 96;
}

/**
 * The checklist for thousands of rows (a 5 000-item runbook): only what is near the viewport is
 * in the DOM, so ticking and scrolling stay smooth. The page keeps scrolling as a whole (window
 * virtualiser); row heights are measured as they render. A row whose note is being edited stays
 * mounted when scrolled away, so a half-typed note is never lost.
 */
export function VirtualChecklist({ rows, renderPhase, renderItem, selectedKey = null }: Props) {
  const listRef = useRef<HTMLDivElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  const [pinned, setPinned] = useState<ReadonlySet<string>>(() => new Set());

  // Content above the list (banners, the phase overview) changes height live: keep the offset true.
  useLayoutEffect(() => {
    const measure = () => {
      const top = listRef.current ? listRef.current.getBoundingClientRect().top + window.scrollY : 0;
      setScrollMargin((current) => (Math.abs(current - top) > 0.5 ? top : current));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);

  // The selected row stays mounted too, so `n` can open its note even after the page scrolled away.
  const pinnedIndexes = useMemo(
    () =>
      pinned.size || selectedKey
        ? rows.flatMap((row, i) => (pinned.has(row.key) || row.key === selectedKey ? [i] : []))
        : [],
    [rows, pinned, selectedKey],
  );
  const rangeExtractor = useCallback(
    (range: Range) => {
      const base = defaultRangeExtractor(range);
      if (!pinnedIndexes.length) return base;
      return [...new Set([...base, ...pinnedIndexes])].sort((a, b) => a - b);
    },
    [pinnedIndexes],
  );

  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: (index) => estimate(rows[index]),
    getItemKey: (index) => rows[index].key,
    overscan: 8,
    scrollMargin,
    rangeExtractor,
  });

  // Scroll only when the selection moves, not when live updates shift the rows under it.
  const scrolledTo = useRef<string | null>(null);
  useEffect(() => {
    if (selectedKey === scrolledTo.current) return;
    scrolledTo.current = selectedKey;
    const index = selectedKey ? rows.findIndex((row) => row.key === selectedKey) : -1;
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [selectedKey, rows, virtualizer]);

  const pin = (key: string, on: boolean) =>
    setPinned((current) => {
      if (current.has(key) === on) return current;
      const next = new Set(current);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  return (
    <div
      ref={listRef}
      style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
      data-testid="virtual-checklist"
      data-rows={rows.length}
    >
      {virtualizer.getVirtualItems().map((virtual) => {
        const row = rows[virtual.index];
        return (
          <div
            key={virtual.key}
            data-index={virtual.index}
            ref={virtualizer.measureElement}
            style={{
              position: 'absolute',
              top: 0,
              left: 0,
              width: '100%',
              transform: `translateY(${virtual.start - scrollMargin}px)`,
            }}
            // A note textarea gaining focus pins its row; saving the note releases it.
            onFocusCapture={
              row.kind === 'item' ? (e) => e.target instanceof HTMLTextAreaElement && pin(row.key, true) : undefined
            }
            onSubmitCapture={row.kind === 'item' ? () => pin(row.key, false) : undefined}
          >
            {row.kind === 'phase' ? (
              <div className="pt-4 pb-2">{renderPhase(row.phase)}</div>
            ) : row.kind === 'section' ? (
              <h3 className="pt-1 pb-1 text-sm font-semibold uppercase tracking-wide text-faint">{row.title}</h3>
            ) : (
              <ul className="pb-2">{renderItem(row.item, row.depth)}</ul>
            )}
          </div>
        );
      })}
    </div>
  );
}
