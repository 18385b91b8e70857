import { NavLink } from 'react-router';
import './work-area.css';

/** The second row of links inside a work area (counselor, admin), scrolling sideways on a phone. */
export function SubNav({ label, links }: { label: string; links: { to: string; text: string; end?: boolean }[] }) {
  return (
    <nav aria-label={label} className="sub-nav">
      <ul>
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end={link.end}>
              {link.text}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
