import { Route, Routes } from "react-router";
import { Layout } from "./components/Layout.tsx";
import { CommissionPage } from "./routes/CommissionPage.tsx";
import { CommissionsPage } from "./routes/CommissionsPage.tsx";
import { CommitmentPage } from "./routes/CommitmentPage.tsx";
import { NotFoundPage } from "./routes/NotFoundPage.tsx";
import { SessionPage } from "./routes/SessionPage.tsx";

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<CommissionsPage />} />
        <Route path="commissions/:id" element={<CommissionPage />} />
        <Route path="sessions/:id" element={<SessionPage />} />
        <Route path="commitments/:id" element={<CommitmentPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
