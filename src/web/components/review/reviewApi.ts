// The review's slice of the HTTP API, typed from the contract so the page reads exactly the JSON
// the server sends.
import type { z } from '@hono/zod-openapi';
import type { ReviewSchema, SavedReviewListSchema, SavedReviewSchema } from '../../../contract/review.js';
import { query, request } from '../../api.js';

export type Review = z.output<typeof ReviewSchema>;
export type SavedReview = z.output<typeof SavedReviewSchema>;
export type SavedReviewSummary = z.output<typeof SavedReviewListSchema>['items'][number];
export type SourceFigures = Review['sources']['bySource'][number];

/** The period as the API takes it: one of week, month or from/to. */
export interface PeriodParams {
  week?: string;
  month?: string;
  from?: string;
  to?: string;
}

export const reviewApi = {
  figures: (period: PeriodParams, months: number) => request<Review>('GET', `/review${query({ ...period, months })}`),
  markdownUrl: (period: PeriodParams) => `/api/v1/review.md${query({ ...period })}`,
  save: (period: PeriodParams, notes: string, decisions: string) =>
    request<SavedReview>('POST', '/reviews', {
      ...period,
      ...(notes.trim() ? { notes: notes.trim() } : {}),
      ...(decisions.trim() ? { decisions: decisions.trim() } : {}),
    }),
  list: () => request<{ items: SavedReviewSummary[] }>('GET', '/reviews'),
  get: (id: string) => request<SavedReview>('GET', `/reviews/${encodeURIComponent(id)}`),
};
