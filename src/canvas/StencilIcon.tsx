/** Draws an IconDef (our own stroke path data, 24x24) as inline SVG. */
import { memo } from 'react';
import type { IconDef } from '../model/icons';

export const StencilIcon = memo(function StencilIcon({ icon, size = 20, className }: { icon: IconDef; size?: number; className?: string }) {
  return (
    <svg
      className={className}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {icon.paths.map((d, i) => (
        <path key={i} d={d} />
      ))}
    </svg>
  );
});
