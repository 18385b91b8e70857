import { useEffect, useState } from 'react';
import { formatCountdown } from '@/lib/format';

/** The time left on a payment hold, ticking each second; `onExpired` once it reaches zero. */
export function HoldCountdown({ expiresAt, onExpired }: { expiresAt: string; onExpired?: () => void }) {
  const secondsLeft = () => Math.max(0, (new Date(expiresAt).getTime() - Date.now()) / 1000);
  const [left, setLeft] = useState(secondsLeft);

  useEffect(() => {
    const timer = window.setInterval(() => {
      const next = secondsLeft();
      setLeft(next);
      if (next <= 0) {
        window.clearInterval(timer);
        onExpired?.();
      }
    }, 1000);
    return () => window.clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- restarts only when the hold changes
  }, [expiresAt]);

  const minutes = Math.ceil(left / 60);
  return (
    <p className="hold">
      We are holding this time for you for{' '}
      <strong role="timer" aria-live="off">
        {formatCountdown(left)}
      </strong>{' '}
      <span className="visually-hidden">(about {minutes} minutes)</span> more. Pay before then to confirm it.
    </p>
  );
}
