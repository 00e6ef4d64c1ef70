import { useT, PageIntro } from '@hms/ui';
import { Link } from 'react-router';
import { shellMessages } from '../../../app/messages.ts';

type MessageKey = keyof (typeof shellMessages)['en'];

/** The shell's error pages: what happened, in the title and the lead, and the one way on, back to the home page. */
export function GoHomePage({ title, body }: { title: MessageKey; body: MessageKey }) {
  const tr = useT(shellMessages);
  return (
    <>
      <PageIntro title={tr(title)} lead={tr(body)} />
      <p>
        <Link to="/">{tr('goHome')}</Link>
      </p>
    </>
  );
}
