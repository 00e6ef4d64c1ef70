import { useT } from '@hms/ui';
import { shellMessages } from './messages.ts';

export function Footer() {
  const tr = useT(shellMessages);
  return (
    <footer className="usa-footer usa-footer--slim">
      <div className="usa-footer__secondary-section">
        <div className="grid-container">
          <p className="usa-footer__logo-heading margin-y-2">{tr('agency')}</p>
          <p className="margin-bottom-2">{tr('footerText')}</p>
        </div>
      </div>
    </footer>
  );
}
