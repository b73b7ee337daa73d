import { ReferenceArea } from 'recharts';
import type { Band } from '@/lib/domain/metrics/chart';

/**
 * A chart's warn and critical bands, shaded: amber and red behind the line. A function returning
 * the areas (not a component), so recharts sees its own ReferenceArea elements among the chart's
 * children. `opacity`: how strongly each level is shaded on this chart.
 */
export function thresholdAreas(bands: Band[], opacity: { warn: number; critical: number }) {
  return bands.map((band) => (
    <ReferenceArea
      key={band.level}
      y1={band.from}
      y2={band.to}
      fill={band.level === 3 ? '#ef4444' : '#f59e0b'}
      fillOpacity={band.level === 3 ? opacity.critical : opacity.warn}
      strokeOpacity={0}
      ifOverflow="hidden"
    />
  ));
}
