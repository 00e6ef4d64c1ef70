import { defineMessages, PageTitle, useT } from '@hms/ui';
import { Link } from 'react-router';

const messages = defineMessages({
  en: {
    title: 'Page not found',
    body: 'If you typed the web address, check it is correct.',
    back: 'Go to the list of services',
  },
  es: {
    title: 'No se encontró la página',
    body: 'Si escribió la dirección web, compruebe que sea correcta.',
    back: 'Ir a la lista de servicios',
  },
});

/** Unknown sub-paths inside this remote's areas. */
export function NotFound() {
  const tr = useT(messages);
  return (
    <>
      <PageTitle>{tr('title')}</PageTitle>
      <p className="usa-intro">{tr('body')}</p>
      <Link to="/services">{tr('back')}</Link>
    </>
  );
}
