import { createBrowserRouter, Navigate } from 'react-router';
import { Layout } from './components/Layout.js';
import { AgreementEditorPage } from './pages/AgreementEditorPage.js';
import { AgreementsPage } from './pages/AgreementsPage.js';
import { FeesPage } from './pages/FeesPage.js';
import { ImportPage } from './pages/ImportPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { OutreachPage } from './pages/OutreachPage.js';
import { PartnerPage } from './pages/PartnerPage.js';
import { PartnersPage } from './pages/PartnersPage.js';
import { ReferralsPage } from './pages/ReferralsPage.js';
import { ReviewPage } from './pages/ReviewPage.js';
import { SettingsPage } from './pages/SettingsPage.js';
import { TodayPage } from './pages/TodayPage.js';

export const router = createBrowserRouter([
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <Navigate to="/today" replace /> },
      { path: 'today', element: <TodayPage /> },
      { path: 'partners', element: <PartnersPage /> },
      { path: 'partners/import', element: <ImportPage entity="partners" key="partners" /> },
      { path: 'partners/:id', element: <PartnerPage /> },
      { path: 'outreach', element: <OutreachPage /> },
      { path: 'agreements', element: <AgreementsPage /> },
      { path: 'agreements/new', element: <AgreementEditorPage /> },
      { path: 'agreements/:id', element: <AgreementEditorPage /> },
      { path: 'referrals', element: <ReferralsPage /> },
      { path: 'referrals/import', element: <ImportPage entity="referrals" key="referrals" /> },
      { path: 'fees', element: <FeesPage /> },
      { path: 'review', element: <ReviewPage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
