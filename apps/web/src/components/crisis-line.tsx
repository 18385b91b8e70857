/** Always visible: India's free, 24×7 government mental-health line (Tele-MANAS). */
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
