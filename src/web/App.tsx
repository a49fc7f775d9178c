import { lazy } from "react";
import { Route, Routes } from "react-router";
import { Layout } from "./components/Layout.tsx";

// Pages load on demand: the first visit fetches the shell and the one page it opens (see vite.config.ts).
const CommissionsPage = lazy(() =>
  import("./routes/CommissionsPage.tsx").then((m) => ({ default: m.CommissionsPage })),
);
const CommissionPage = lazy(() => import("./routes/CommissionPage.tsx").then((m) => ({ default: m.CommissionPage })));
const SessionPage = lazy(() => import("./routes/SessionPage.tsx").then((m) => ({ default: m.SessionPage })));
const CommitmentPage = lazy(() => import("./routes/CommitmentPage.tsx").then((m) => ({ default: m.CommitmentPage })));
const ProgrammePage = lazy(() => import("./routes/ProgrammePage.tsx").then((m) => ({ default: m.ProgrammePage })));
const OrganizationPage = lazy(() =>
  import("./routes/OrganizationPage.tsx").then((m) => ({ default: m.OrganizationPage })),
);
const PersonPage = lazy(() => import("./routes/PersonPage.tsx").then((m) => ({ default: m.PersonPage })));
const DocumentPage = lazy(() => import("./routes/DocumentPage.tsx").then((m) => ({ default: m.DocumentPage })));
const CommitmentsPage = lazy(() =>
  import("./routes/CommitmentsPage.tsx").then((m) => ({ default: m.CommitmentsPage })),
);
const DashboardPage = lazy(() => import("./routes/DashboardPage.tsx").then((m) => ({ default: m.DashboardPage })));
const InboxPage = lazy(() => import("./routes/InboxPage.tsx").then((m) => ({ default: m.InboxPage })));
const ImportPage = lazy(() => import("./routes/ImportPage.tsx").then((m) => ({ default: m.ImportPage })));
const SearchPage = lazy(() => import("./routes/SearchPage.tsx").then((m) => ({ default: m.SearchPage })));
const NotFoundPage = lazy(() => import("./routes/NotFoundPage.tsx").then((m) => ({ default: m.NotFoundPage })));

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<CommissionsPage />} />
        <Route path="commissions/:id" element={<CommissionPage />} />
        <Route path="sessions/:id" element={<SessionPage />} />
        <Route path="commitments" element={<CommitmentsPage />} />
        <Route path="commitments/:id" element={<CommitmentPage />} />
        <Route path="dashboard" element={<DashboardPage />} />
        <Route path="inbox" element={<InboxPage />} />
        <Route path="programmes/:id" element={<ProgrammePage />} />
        <Route path="organizations/:id" element={<OrganizationPage />} />
        <Route path="people/:id" element={<PersonPage />} />
        <Route path="documents/:id" element={<DocumentPage />} />
        <Route path="import" element={<ImportPage />} />
        <Route path="search" element={<SearchPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
