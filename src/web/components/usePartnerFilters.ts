import { useSearchParams } from 'react-router';
import type { PartnerListParams, PartnerSort } from '../api.js';

const SORTS: PartnerSort[] = ['name', 'stage', 'next_action', 'updated'];

/** Filters, sort and view live in the URL so a reload or a shared link shows the same list. */
export function usePartnerFilters() {
  const [params, setParams] = useSearchParams();
  const sortParam = params.get('sort') as PartnerSort | null;
  const sort: PartnerSort = sortParam && SORTS.includes(sortParam) ? sortParam : 'updated';
  const dirParam = params.get('dir');
  const dir: 'asc' | 'desc' =
    dirParam === 'asc' || dirParam === 'desc' ? dirParam : sort === 'updated' ? 'desc' : 'asc';
  const filters: PartnerListParams = {
    type: params.get('type') ?? undefined,
    stage: params.get('stage') ?? undefined,
    tag: params.get('tag') ?? undefined,
    q: params.get('q') ?? undefined,
  };
  const view: 'table' | 'board' = params.get('view') === 'board' ? 'board' : 'table';

  const update = (changes: Record<string, string | null | undefined>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );

  const active = Object.values(filters).some(Boolean);
  return { filters, sort, dir, view, update, active };
}
