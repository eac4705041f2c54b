import { useT } from '../../i18n';
import { useLayout } from '../../state/layout-store';

/** "Show conversations" / "Hide conversations" (Ctrl/Cmd+B): the sidebar, in any width. */
export function SidebarToggle() {
  const t = useT();
  const open = useLayout((s) => s.sidebarOpen);
  const toggle = useLayout((s) => s.toggleSidebar);
  const label = t(open ? 'layout.hideConversations' : 'layout.showConversations');
  return (
    <button
      type="button"
      className="icon-button sidebar-toggle"
      aria-expanded={open}
      aria-controls="sidebar"
      aria-label={label}
      title={label}
      onClick={toggle}
    >
      ☰
    </button>
  );
}
