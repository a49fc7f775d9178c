import { lazy } from "react";
import { Route, Routes } from "react-router";
import { Layout } from "./components/Layout.tsx";
import { RequireSignIn } from "./components/RequireSignIn.tsx";
import { PublicLayout } from "./routes/public/PublicLayout.tsx";
// Small, and opened straight from an e-mail: not worth a chunk of its own.
import { ResetPasswordPage } from "./routes/ResetPasswordPage.tsx";

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
const AuditPage = lazy(() => import("./routes/AuditPage.tsx").then((m) => ({ default: m.AuditPage })));
const UsersPage = lazy(() => import("./routes/UsersPage.tsx").then((m) => ({ default: m.UsersPage })));
const AccountPage = lazy(() => import("./routes/AccountPage.tsx").then((m) => ({ default: m.AccountPage })));
const SearchPage = lazy(() => import("./routes/SearchPage.tsx").then((m) => ({ default: m.SearchPage })));
const PublicCommissionsPage = lazy(() =>
  import("./routes/public/PublicCommissionsPage.tsx").then((m) => ({ default: m.PublicCommissionsPage })),
);
const PublicCommissionPage = lazy(() =>
  import("./routes/public/PublicCommissionPage.tsx").then((m) => ({ default: m.PublicCommissionPage })),
);
const NotFoundPage = lazy(() => import("./routes/NotFoundPage.tsx").then((m) => ({ default: m.NotFoundPage })));

export function App() {
  return (
    <Routes>
      {/* The public view: its own frame, outside the secretariat's, readable without signing in. */}
      <Route path="public" element={<PublicLayout />}>
        <Route index element={<PublicCommissionsPage />} />
        <Route path="commissions/:id" element={<PublicCommissionPage />} />
      </Route>
      <Route path="reset-password" element={<ResetPasswordPage />} />
      <Route element={<RequireSignIn />}>
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
          <Route path="audit" element={<AuditPage />} />
          <Route path="users" element={<UsersPage />} />
          <Route path="account" element={<AccountPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
