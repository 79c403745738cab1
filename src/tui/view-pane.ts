// A thin blessed wrapper around one pure view: a box that is moved, labelled and filled with
// already-rendered lines, touching the widget only when something actually changed.
import type blessed from 'blessed';
import { createBox } from './blessed-lite';
import type { Rect } from './layout';
import type { Theme, ThemeRole } from './theme';

export interface ViewPane {
  box: blessed.Widgets.BoxElement;
  show(rect: Rect, content: string, opts?: { label?: string; focused?: boolean; borderRole?: ThemeRole }): void;
  hide(): void;
}

export function createViewPane(screen: blessed.Widgets.Screen, theme: Theme, bordered: boolean, extra: blessed.Widgets.BoxOptions = {}): ViewPane {
  const box = createBox({
    parent: screen,
    tags: true,
    wrap: false,
    hidden: true,
    top: 0,
    left: 0,
    width: 1,
    height: 1,
    ...(bordered ? { border: { type: 'line' } } : {}),
    style: bordered && !theme.mono ? { border: { fg: theme.colors.border } } : {},
    ...extra,
  });
  let last = { rect: '', content: '', label: '', border: '' };
  return {
    box,
    show(rect, content, opts = {}) {
      const key = `${rect.top},${rect.left},${rect.width},${rect.height}`;
      if (key !== last.rect) {
        box.top = rect.top;
        box.left = rect.left;
        box.width = rect.width;
        box.height = rect.height;
        last.rect = key;
      }
      if (box.hidden) box.show();
      if (content !== last.content) {
        box.setContent(content);
        last.content = content;
      }
      const label = opts.label ?? '';
      if (bordered && label !== last.label) {
        if (label) box.setLabel(label);
        else box.removeLabel();
        last.label = label;
      }
      const role: ThemeRole = opts.borderRole ?? (opts.focused ? 'borderFocus' : 'border');
      if (bordered && role !== last.border) {
        const style = box.style as { border?: { fg?: string; bold?: boolean } };
        style.border = theme.mono ? { bold: role !== 'border' } : { fg: theme.colors[role] };
        last.border = role;
      }
    },
    hide() {
      if (!box.hidden) box.hide();
      last = { ...last };
    },
  };
}
