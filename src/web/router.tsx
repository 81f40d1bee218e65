import { createBrowserRouter, Navigate } from 'react-router';
import { Layout } from './components/Layout.js';
import { ComingSoonPage } from './pages/ComingSoonPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { PartnerPage } from './pages/PartnerPage.js';
import { PartnersPage } from './pages/PartnersPage.js';
import { ReviewPage } from './pages/ReviewPage.js';
import { SettingsPage } from './pages/SettingsPage.js';
import { TodayPage } from './pages/TodayPage.js';

export const router = createBrowserRouter([
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <Navigate to="/partners" replace /> },
      { path: 'today', element: <TodayPage /> },
      { path: 'partners', element: <PartnersPage /> },
      { path: 'partners/:id', element: <PartnerPage /> },
      { path: 'outreach', element: <ComingSoonPage step="outreach" /> },
      { path: 'agreements', element: <ComingSoonPage step="agreements" /> },
      { path: 'referrals', element: <ComingSoonPage step="referrals" /> },
      { path: 'fees', element: <ComingSoonPage step="fees" /> },
      { path: 'review', element: <ReviewPage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
