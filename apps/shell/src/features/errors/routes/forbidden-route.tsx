import { GoHomePage } from '../components/go-home-page.tsx';

/** Shown in place of an area the signed-in user's roles do not allow (the API would refuse it with 403). */
export function ForbiddenRoute() {
  return <GoHomePage title="forbiddenTitle" body="forbiddenBody" />;
}
