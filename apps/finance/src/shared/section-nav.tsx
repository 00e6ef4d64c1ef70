import { NavLink } from 'react-router';

export interface SectionLink {
  to: string;
  /** Current only at exactly this path (not below it). */
  end: boolean;
  text: string;
}

const LOOKS = {
  /** The finance area's sections, above every page: the current one a button, the others plain links. */
  area: {
    nav: 'margin-bottom-3 border-bottom-1px border-base-lighter',
    list: 'usa-button-group margin-bottom-1',
    current: 'usa-button',
    other: 'usa-button usa-button--unstyled padding-x-1',
  },
  /** One page's own sections, under its title: the current one filled, the others outlined. */
  page: {
    nav: 'margin-bottom-2',
    list: 'usa-button-group',
    current: 'usa-button usa-button--secondary',
    other: 'usa-button usa-button--outline',
  },
} as const;

/** A row of links to sibling sections, each its own URL, the current one marked by the router. */
export function SectionNav({
  label,
  links,
  look,
}: {
  label: string;
  links: readonly SectionLink[];
  look: keyof typeof LOOKS;
}) {
  const classes = LOOKS[look];
  return (
    <nav aria-label={label} className={classes.nav}>
      <ul className={classes.list}>
        {links.map((l) => (
          <li key={l.to} className="usa-button-group__item">
            <NavLink
              to={l.to}
              end={l.end}
              className={({ isActive }) => (isActive ? classes.current : classes.other)}
            >
              {l.text}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
