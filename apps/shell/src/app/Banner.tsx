import { useT } from '@hms/ui';
import dotGovIcon from '@uswds/uswds/img/icon-dot-gov.svg';
import httpsIcon from '@uswds/uswds/img/icon-https.svg';
import flag from '@uswds/uswds/img/us_flag_small.png';
import { useId, useState } from 'react';
import { shellMessages } from './messages.ts';

/** The two guidance blocks of the opened banner: the .gov domain, then HTTPS. */
const GUIDANCE = [
  { icon: dotGovIcon, title: 'bannerDotGovTitle', body: 'bannerDotGov' },
  { icon: httpsIcon, title: 'bannerHttpsTitle', body: 'bannerHttps' },
] as const;

/**
 * The USWDS "official website" banner. USWDS's own JavaScript is not loaded (it would fight React over the
 * DOM), so the disclosure is a real button with aria-expanded, which makes it work by keyboard.
 */
export function Banner() {
  const tr = useT(shellMessages);
  const [open, setOpen] = useState(false);
  const contentId = useId();
  return (
    <section className="usa-banner" aria-label={tr('bannerOfficial')}>
      <div className="usa-accordion">
        <header className={`usa-banner__header${open ? ' usa-banner__header--expanded' : ''}`}>
          <div className="usa-banner__inner">
            <div className="grid-col-auto">
              <img aria-hidden="true" className="usa-banner__header-flag" src={flag} alt="" />
            </div>
            <div className="grid-col-fill tablet:grid-col-auto" aria-hidden="true">
              <p className="usa-banner__header-text">{tr('bannerOfficial')}</p>
              <p className="usa-banner__header-action">{tr('bannerHow')}</p>
            </div>
            <button
              type="button"
              className="usa-accordion__button usa-banner__button"
              aria-expanded={open}
              aria-controls={contentId}
              onClick={() => setOpen((value) => !value)}
            >
              <span className="usa-banner__button-text">{tr('bannerHow')}</span>
            </button>
          </div>
        </header>
        <div className="usa-banner__content usa-accordion__content" id={contentId} hidden={!open}>
          <div className="grid-row grid-gap-lg">
            {GUIDANCE.map(({ icon, title, body }) => (
              <div key={title} className="usa-banner__guidance tablet:grid-col-6">
                <img
                  className="usa-banner__icon usa-media-block__img"
                  src={icon}
                  role="img"
                  alt=""
                  aria-hidden="true"
                />
                <div className="usa-media-block__body">
                  <p>
                    <strong>{tr(title)}</strong>
                    <br />
                    {tr(body)}
                  </p>
                </div>
              </div>
            ))}
          </div>
        </div>
      </div>
    </section>
  );
}
