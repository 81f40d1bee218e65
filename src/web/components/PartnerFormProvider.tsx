import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import type { Partner } from '../api.js';
import { PartnerFormModal } from './PartnerFormModal.js';

interface PartnerFormApi {
  /** Opens the form: empty for a new partner, filled to edit `partner`. */
  open(partner?: Partner): void;
}

const Ctx = createContext<PartnerFormApi>({ open: () => {} });

export function usePartnerForm(): PartnerFormApi {
  return useContext(Ctx);
}

/** One partner form for the whole app, so quick-add and every "Add"/"Edit" button share it. */
export function PartnerFormProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<{ opened: boolean; partner: Partner | null; key: number }>({
    opened: false,
    partner: null,
    key: 0,
  });
  const open = useCallback(
    (partner?: Partner) => setState((s) => ({ opened: true, partner: partner ?? null, key: s.key + 1 })),
    [],
  );
  const value = useMemo(() => ({ open }), [open]);
  return (
    <Ctx.Provider value={value}>
      {children}
      <PartnerFormModal
        key={state.key}
        opened={state.opened}
        partner={state.partner}
        onClose={() => setState((s) => ({ ...s, opened: false }))}
      />
    </Ctx.Provider>
  );
}
