// A small inline icon set (no icon package is installed). Stroke icons on a 20×20 grid, decorative by default.
const paths = {
  ladder: 'M6 3v14M14 3v14M6 6h8M6 10h8M6 14h8',
  themeSystem: 'M3 4h14v9H3zM7 17h6M10 13v4',
  themeLight:
    'M10 13.5a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zM10 2v2M10 16v2M2 10h2M16 10h2M4.3 4.3l1.4 1.4M14.3 14.3l1.4 1.4M4.3 15.7l1.4-1.4M14.3 5.7l1.4-1.4',
  themeDark: 'M16 12.5A7 7 0 0 1 7.5 4a7 7 0 1 0 8.5 8.5z',
  discount:
    'M5 15 15 5M6.5 8a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3ZM13.5 15a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3Z',
  group:
    'M7 9a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5ZM2.5 16c0-2.5 2-4 4.5-4s4.5 1.5 4.5 4M13 9a2 2 0 1 0 0-4M14 12c2 .3 3.5 1.7 3.5 4',
  identifier: 'M3 5h14v10H3zM6 9h3M6 12h5M13 8.5v3',
  drafts: 'M5 3h7l3 3v11H5zM12 3v3h3M8 10h4M8 13h4',
  sync: 'M4 10a6 6 0 0 1 10.5-4M16 10a6 6 0 0 1-10.5 4M14.5 3v3h-3M5.5 17v-3h3',
  conflict: 'M10 3 18 17H2zM10 8v4M10 14.5v.5',
  close: 'M5 5l10 10M15 5 5 15',
  search: 'M9 15a6 6 0 1 0 0-12 6 6 0 0 0 0 12ZM13.5 13.5 17 17',
  logout: 'M8 4H4v12h4M12 6l4 4-4 4M16 10H8',
  globe:
    'M10 17a7 7 0 1 0 0-14 7 7 0 0 0 0 14ZM3 10h14M10 3c2 2 2.8 4.3 2.8 7s-.8 5-2.8 7c-2-2-2.8-4.3-2.8-7S8 5 10 3Z',
  plus: 'M10 4v12M4 10h12',
  trash: 'M4 6h12M8 6V4h4v2M6 6l1 11h6l1-11',
  edit: 'M4 16l1-4 8-8 3 3-8 8zM12 5l3 3',
  refresh: 'M16 10a6 6 0 1 1-1.8-4.3M16 3v4h-4',
  check: 'M4 10.5 8 14.5 16 6',
  alert: 'M10 17a7 7 0 1 0 0-14 7 7 0 0 0 0 14ZM10 6.5v4.5M10 13.5v.5',
  offline:
    'M3 3l14 14M8.5 8.6a6 6 0 0 0-3 1.6M2.5 7a10 10 0 0 1 3-1.9M11 5a10 10 0 0 1 6.5 2M14.5 10.2a6 6 0 0 0-1.2-.9M10 15.5h.01',
  online: 'M2.5 7a10.5 10.5 0 0 1 15 0M5 10a7 7 0 0 1 10 0M7.5 13a3.5 3.5 0 0 1 5 0M10 16h.01',
  user: 'M10 10a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7ZM3.5 17c.6-3 3.2-5 6.5-5s5.9 2 6.5 5',
  server: 'M3 4h14v5H3zM3 11h14v5H3zM6 6.5h.01M6 13.5h.01',
  chevronDown: 'M5 8l5 5 5-5',
  chevronUp: 'M5 12l5-5 5 5',
  chevronRight: 'M8 5l5 5-5 5',
  sortNone: 'M6 8l4-4 4 4M6 12l4 4 4-4',
  lock: 'M5 9h10v8H5zM7 9V6.5a3 3 0 0 1 6 0V9',
  sliders: 'M3 5h14M3 10h14M3 15h14M7 3v4M13 8v4M9 13v4',
  upload: 'M10 13V3M6 7l4-4 4 4M4 13v4h12v-4',
  download: 'M10 3v10M6 9l4 4 4-4M4 13v4h12v-4',
  copy: 'M7 7h9v10H7zM4 13V3h9',
  info: 'M10 17a7 7 0 1 0 0-14 7 7 0 0 0 0 14ZM10 9v5M10 6.5v.5',
  coins:
    'M8 8a5 2 0 1 0 0-4 5 2 0 0 0 0 4ZM3 6v3c0 1.1 2.2 2 5 2s5-.9 5-2V6M7 14c0 1.1 2.2 2 5 2s5-.9 5-2v-3M13 9.5c2.3.2 4 .9 4 1.5',
  chart: 'M3 3v14h14M7 13V9M11 13V6M15 13v-3',
} as const

export type IconName = keyof typeof paths

export function Icon({
  name,
  size = 16,
  className,
}: {
  name: IconName
  size?: number
  className?: string
}): React.JSX.Element {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      width={size}
      height={size}
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.6}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={paths[name]} />
    </svg>
  )
}
