import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Fit, LostReason } from '../../../domain/referral.js';
import { dealsApi, type Referral, type ReferralDetail } from '../../dealsApi.js';

export type ReferralAction =
  | { kind: 'won'; monthlyValue: number | null; startDate: string }
  | { kind: 'lost'; reason: LostReason | null; note?: string }
  | { kind: 'end'; on: string }
  | { kind: 'fit'; fit: Fit | null }
  | { kind: 'reopen' };

function run(id: string, a: ReferralAction): Promise<ReferralDetail> {
  switch (a.kind) {
    case 'won':
      return dealsApi.markWon(id, a.monthlyValue, a.startDate);
    case 'lost':
      return dealsApi.markLost(id, a.reason, a.note);
    case 'end':
      return dealsApi.endClient(id, a.on);
    case 'fit':
      return dealsApi.judgeFit(id, a.fit);
    case 'reopen':
      return dealsApi.reopenReferral(id);
  }
}

const DONE: Record<ReferralAction['kind'], string> = {
  won: 'Marked won',
  lost: 'Marked lost',
  end: 'Client ended',
  fit: 'Fit recorded',
  reopen: 'Reopened',
};

/** Runs an outcome change and refreshes everything derived from it (fees, reciprocity, flags). */
export function useReferralAction(options: { quiet?: boolean } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ referral, action }: { referral: Referral; action: ReferralAction }) => run(referral.id, action),
    onSuccess: (saved, { referral, action }) => {
      queryClient.invalidateQueries({ queryKey: ['referrals'] });
      queryClient.invalidateQueries({ queryKey: ['fees'] });
      if (saved.partnerId) {
        queryClient.invalidateQueries({ queryKey: ['partner-deals', saved.partnerId] });
        queryClient.invalidateQueries({ queryKey: ['timeline', saved.partnerId] });
      }
      if (options.quiet) return;
      const lines = saved.feeLines.length;
      notifications.show({
        color: 'teal',
        title: DONE[action.kind],
        message:
          action.kind === 'won' && lines > 0
            ? `${referral.leadName}: ${lines} fee ${lines === 1 ? 'line' : 'lines'} in the ledger.`
            : referral.leadName,
      });
    },
  });
}
