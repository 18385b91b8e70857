/** Always visible, on every page: India's free, 24×7 government mental-health line (Tele-MANAS). */
export function CrisisLine() {
  return (
    <aside className="crisis" aria-label="Crisis support">
      <p>
        <strong>Need to talk now?</strong> Tele-MANAS, free, 24×7:{' '}
        <a href="tel:14416" className="crisis-call">
          Call 14416
        </a>{' '}
        or <a href="tel:18008914416">1-800-891-4416</a>.{' '}
        <span className="crisis-danger">If you are in danger now, call 112 or go to the nearest emergency room.</span>
      </p>
    </aside>
  );
}

/** The same help inside the booking flow, where a session is days away and someone may need help today. */
export function CrisisNote() {
  return (
    <aside className="crisis-note" aria-label="If you are in danger now">
      <p>
        <strong>If you are in danger now</strong>, do not wait for a session: call <a href="tel:112">112</a>, or
        Tele-MANAS on <a href="tel:14416">14416</a> (free, 24×7, also <a href="tel:18008914416">1-800-891-4416</a>).
      </p>
    </aside>
  );
}
