import { GoHomePage } from '../components/go-home-page.tsx';

/** Last-resort error page for a failure in the shell's own routes (remotes have their own boundary). */
export function RouteError() {
  return (
    <div className="grid-container">
      <GoHomePage title="errorTitle" body="errorBody" />
    </div>
  );
}
