import { NavLink } from 'react-router';

/** The finance pages, one after another. */
export function FinanceNav() {
  return (
    <nav aria-label="Finance">
      <ul style={{ display: 'flex', flexWrap: 'wrap', gap: '1rem', listStyle: 'none', padding: 0 }}>
        <li>
          <NavLink to="/finance" end>
            Payments and ledger
          </NavLink>
        </li>
        <li>
          <NavLink to="/finance/reconciliations">Reconciliation</NavLink>
        </li>
        <li>
          <NavLink to="/finance/payouts">Payouts</NavLink>
        </li>
      </ul>
    </nav>
  );
}
