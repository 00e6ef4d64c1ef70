import { useEffect, useRef } from 'react';
import { defineMessages, useT } from '@hms/ui';

const messages = defineMessages({
  en: {
    title: 'Keyboard shortcuts',
    j: 'Next request',
    k: 'Previous request',
    enter: 'Open the selected request',
    a: 'Approve (asks for confirmation)',
    r: 'Reject (asks for confirmation)',
    i: 'Ask the citizen for information (asks for confirmation)',
    help: 'Show or hide this help',
    close: 'Close help',
  },
  es: {
    title: 'Atajos de teclado',
    j: 'Solicitud siguiente',
    k: 'Solicitud anterior',
    enter: 'Abrir la solicitud seleccionada',
    a: 'Aprobar (pide confirmación)',
    r: 'Rechazar (pide confirmación)',
    i: 'Pedir información al ciudadano (pide confirmación)',
    help: 'Mostrar u ocultar esta ayuda',
    close: 'Cerrar la ayuda',
  },
});

export function KeyboardHelp({ onClose }: { onClose: () => void }) {
  const tr = useT(messages);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const rows: Array<[string, string]> = [
    ['j', tr('j')],
    ['k', tr('k')],
    ['Enter', tr('enter')],
    ['a', tr('a')],
    ['r', tr('r')],
    ['i', tr('i')],
    ['?', tr('help')],
  ];
  return (
    <section className="usa-summary-box margin-y-2" aria-labelledby="kbd-help-title">
      <div className="usa-summary-box__body">
        <h2 id="kbd-help-title" className="usa-summary-box__heading" tabIndex={-1} ref={heading}>
          {tr('title')}
        </h2>
        <dl className="margin-y-1">
          {rows.map(([key, text]) => (
            <div key={key} className="display-flex margin-bottom-05">
              <dt className="margin-right-1">
                <kbd>{key}</kbd>
              </dt>
              <dd className="margin-left-0">{text}</dd>
            </div>
          ))}
        </dl>
        <button type="button" className="usa-button usa-button--outline" onClick={onClose}>
          {tr('close')}
        </button>
      </div>
    </section>
  );
}
