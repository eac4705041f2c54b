/**
 * Light, dark or the system's choice. The agreed hook is `<html data-theme="light|dark|system">`:
 * the stylesheet reads it (and `prefers-color-scheme` for "system"). This store is its one writer:
 * the settings store calls `setTheme` when the saved setting loads and when "Theme" changes.
 */
import { create } from 'zustand';

export const themes = ['light', 'dark', 'system'] as const;
export type Theme = (typeof themes)[number];

export const isTheme = (v: unknown): v is Theme =>
  typeof v === 'string' && (themes as readonly string[]).includes(v);

function apply(theme: Theme): void {
  if (typeof document !== 'undefined') document.documentElement.dataset.theme = theme;
}

interface ThemeState {
  theme: Theme;
  setTheme(theme: Theme): void;
}

export const useTheme = create<ThemeState>((set) => {
  const initial =
    typeof document !== 'undefined' && isTheme(document.documentElement.dataset.theme)
      ? document.documentElement.dataset.theme
      : 'system';
  apply(initial);
  return {
    theme: initial,
    setTheme: (theme) => {
      apply(theme);
      set({ theme });
    },
  };
});
