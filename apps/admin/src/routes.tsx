import type { RemoteModule } from '@hms/ui';
import { Navigate, Route, Routes } from 'react-router';
import { AdminOverviewRoute } from './features/overview/routes/overview-route.tsx';
import { OutboxRoute } from './features/outbox/routes/outbox-route.tsx';
import { InviteRoute } from './features/staff/routes/invite-route.tsx';
import { PersonRoute } from './features/staff/routes/person-route.tsx';
import { StaffListRoute } from './features/staff/routes/staff-list-route.tsx';
import { SignInThrottleRoute } from './features/sign-in-locks/routes/sign-in-throttle-route.tsx';
import { TokensRoute } from './features/tokens/routes/tokens-route.tsx';
import { EndpointsRoute } from './features/webhooks/routes/endpoints-route.tsx';
import { ProgramNewRoute } from './features/programs/routes/program-new-route.tsx';
import { ProgramRoute, type FormBuilderSlot } from './features/programs/routes/program-route.tsx';
import { QuestionBuilder } from './features/program-form/components/question-builder.tsx';
import { ProgramsListRoute } from './features/programs/routes/programs-list-route.tsx';
import { AdminNav } from './shared/admin-nav.tsx';
import { SettingsRoute } from './features/settings/routes/settings-route.tsx';
import { AuditRoute } from './features/audit/routes/audit-route.tsx';
import { PracticeRoute } from './features/practice/routes/practice-route.tsx';
import { ImportsRoute } from './features/imports/routes/imports-route.tsx';
import { ExportsRoute } from './features/imports/routes/exports-route.tsx';
import { SimulationRoute } from './features/simulations/routes/simulation-route.tsx';
import { ScenarioDraftRoute } from './features/simulations/routes/scenario-draft-route.tsx';
import { QualitySharesRoute } from './features/quality/routes/quality-shares-route.tsx';
import { ProgramSharesRoute } from './features/quality/routes/program-shares-route.tsx';
import { DecisionRulesRoute } from './features/decision-rules/routes/decision-rules-route.tsx';
import { ScenarioRulesEditor } from './features/decision-rules/components/scenario-rules-editor.tsx';

// Exposed to the shell as `admin/routes`, mounted at `/admin/*` inside the shell's providers (router, QueryClient,
// language). Role admin only: the shell checks it before rendering this, and the API refuses everyone else.
// A new screen: one <Route> here and one entry in shared/sections.ts (the side nav and the overview read it).
/** The program page's question builder region: the program-form feature's builder, which holds its live preview. */
const ProgramFormBuilder: FormBuilderSlot = ({ value, onChange }) => (
  <QuestionBuilder value={value} onChange={onChange} idPrefix="qb" />
);

export function AdminArea() {
  return (
    <div className="grid-row grid-gap">
      <div className="tablet:grid-col-3 margin-bottom-3">
        <AdminNav />
      </div>
      <div className="tablet:grid-col-9">
        <Routes>
          <Route index element={<AdminOverviewRoute />} />
          <Route path="practice" element={<PracticeRoute />} />
          <Route path="users" element={<StaffListRoute />} />
          <Route path="users/invite" element={<InviteRoute />} />
          <Route path="users/:userId" element={<PersonRoute />} />
          <Route path="imports" element={<ImportsRoute />} />
          <Route path="exports" element={<ExportsRoute />} />
          <Route path="tokens" element={<TokensRoute />} />
          <Route path="webhooks" element={<EndpointsRoute />} />
          <Route path="outbox" element={<OutboxRoute />} />
          <Route path="sign-in-throttle" element={<SignInThrottleRoute />} />
          <Route path="settings" element={<SettingsRoute />} />
          <Route path="quality" element={<QualitySharesRoute />} />
          <Route path="quality/:programId" element={<ProgramSharesRoute />} />
          <Route path="audit" element={<AuditRoute />} />
          <Route path="programs" element={<ProgramsListRoute />} />
          <Route path="programs/new" element={<ProgramNewRoute />} />
          <Route
            path="simulations"
            element={<SimulationRoute DecisionRulesEditor={ScenarioRulesEditor} />}
          />
          <Route
            path="simulations/scenarios/:scenarioId/program-draft"
            element={<ScenarioDraftRoute />}
          />
          <Route
            path="programs/:programId"
            element={<ProgramRoute FormBuilder={ProgramFormBuilder} />}
          />
          <Route path="programs/:programId/decision-rules" element={<DecisionRulesRoute />} />
          <Route path="*" element={<Navigate to="/admin" replace />} />
        </Routes>
      </div>
    </div>
  );
}

/**
 * The policy simulation alone, without the administration's side nav: the shell mounts it at /simulations for
 * finance staff, who may run simulations but use nothing else of this area (the API refuses them the rest).
 */
export function SimulationsArea() {
  return (
    <Routes>
      <Route index element={<SimulationRoute DecisionRulesEditor={ScenarioRulesEditor} />} />
      <Route path="*" element={<Navigate to="/simulations" replace />} />
    </Routes>
  );
}

/** What the shell loads as `admin/routes`: checked against the shell ↔ remote contract (RemoteModule in @hms/ui). */
export default { AdminArea, SimulationsArea } satisfies RemoteModule<'admin'>;
