import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import type { TemplateKind } from '../../api.js';
import { Composer } from './Composer.js';

export interface ComposeTarget {
  partnerId: string;
  /** Start with the first template of this kind; by default the server picks by stage. */
  kind?: TemplateKind;
}

const Ctx = createContext<{ open(target: ComposeTarget): void }>({ open: () => {} });

export function useComposer() {
  return useContext(Ctx);
}

/** One composer for the app, so the partner page, Today and Outreach open the same drawer. */
export function ComposerProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<{ target: ComposeTarget | null; opened: boolean; key: number }>({
    target: null,
    opened: false,
    key: 0,
  });
  const open = useCallback((target: ComposeTarget) => setState((s) => ({ target, opened: true, key: s.key + 1 })), []);
  const value = useMemo(() => ({ open }), [open]);
  return (
    <Ctx.Provider value={value}>
      {children}
      {state.target && (
        <Composer
          key={state.key}
          target={state.target}
          opened={state.opened}
          onClose={() => setState((s) => ({ ...s, opened: false }))}
        />
      )}
    </Ctx.Provider>
  );
}
