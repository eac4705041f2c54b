/**
 * The conversation actions' icons, drawn inline (no emoji: not every system has an emoji font, and
 * no icon font or image to load under the CSP). Decorative: each button carries its own name.
 */
const paths = {
  rename: 'M4 20h4L19 9l-4-4L4 16v4zM14 6l4 4',
  pin: 'M9 4h6l-1 6 3 3v1H7v-1l3-3-1-6zM12 14v6',
  unpin: 'M9 4h6l-1 6 3 3v1H7v-1l3-3-1-6zM12 14v6M4 4l16 16',
  export: 'M12 4v11M7 10l5 5 5-5M5 20h14',
  delete: 'M5 7h14M10 7V4h4v3M7 7l1 13h8l1-13',
} as const;

export function Icon({ name }: { name: keyof typeof paths }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      width="15"
      height="15"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={paths[name]} />
    </svg>
  );
}
