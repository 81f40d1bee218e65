import { Stack } from '@mantine/core';
import { AtAGlance } from './AtAGlance.js';
import { ChecklistSection } from './ChecklistSection.js';
import { FunnelSection, RankingSection, TrendSection } from './ReviewCharts.js';
import { FeesSection, LeadsBySource, Recommendations } from './ReviewTables.js';
import type { Review } from './reviewApi.js';

/** Every section of a review, from live figures or a saved snapshot alike. */
export function ReviewBody({
  review,
  months,
  onMonths,
}: {
  review: Review;
  months: number;
  onMonths?: (months: number) => void;
}) {
  return (
    <Stack gap="lg">
      <AtAGlance review={review} />
      <Recommendations review={review} />
      <TrendSection review={review} months={months} onMonths={onMonths} />
      <RankingSection review={review} />
      <LeadsBySource review={review} />
      <FunnelSection review={review} />
      <FeesSection review={review} />
      <ChecklistSection checklist={review.checklist} />
    </Stack>
  );
}
