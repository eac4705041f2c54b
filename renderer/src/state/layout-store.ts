/**
 * Issue 15, item 3: the window's layout by width. Below NARROW_PX the sidebar is a panel over the
 * chat, hidden until asked for ("Show conversations", Ctrl/Cmd+B) and put away when a conversation
 * is chosen; wider, it is a column, shown unless hidden. Crossing the width gives each layout its
 * default again, so a window made narrow never opens with a panel covering the chat.
 */
import { create } from 'zustand';

export const NARROW_PX = 800;
const narrowQuery =
  typeof window !== 'undefined' ? window.matchMedia(`(max-width: ${NARROW_PX - 1}px)`) : null;

interface LayoutState {
  narrow: boolean;
  sidebarOpen: boolean;
  setSidebarOpen(open: boolean): void;
  toggleSidebar(): void;
}

const startsNarrow = narrowQuery?.matches ?? false;

export const useLayout = create<LayoutState>((set) => ({
  narrow: startsNarrow,
  sidebarOpen: !startsNarrow,
  setSidebarOpen: (sidebarOpen) => set({ sidebarOpen }),
  toggleSidebar: () => set((s) => ({ sidebarOpen: !s.sidebarOpen })),
}));

narrowQuery?.addEventListener('change', (e) =>
  useLayout.setState({ narrow: e.matches, sidebarOpen: !e.matches }),
);

/** After choosing a conversation (or New chat) in the narrow layout, the panel goes away. */
export function doneWithSidebar(): void {
  if (useLayout.getState().narrow) useLayout.setState({ sidebarOpen: false });
}
