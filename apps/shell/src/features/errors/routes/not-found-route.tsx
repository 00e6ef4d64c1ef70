import { GoHomePage } from '../components/go-home-page.tsx';

export function NotFoundRoute() {
  return <GoHomePage title="notFoundTitle" body="notFoundBody" />;
}
