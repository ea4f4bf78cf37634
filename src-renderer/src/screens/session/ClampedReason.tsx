// The reason in the banner: two lines at most, then "Show all". Expanding happens in
// place, pushing the view area down: a popover would open under the embedded Odoo view,
// which the desktop app draws above our page.
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui';

export function ClampedReason({ reason, captionClass }: { reason: string; captionClass: string }) {
  const { t } = useTranslation();
  const textId = useId();
  const text = useRef<HTMLParagraphElement>(null);
  const [expanded, setExpanded] = useState(false);
  const [overflows, setOverflows] = useState(false);

  // Whether two lines hide anything: measured, since it depends on the width and the font.
  useLayoutEffect(() => {
    const element = text.current;
    if (!element || expanded) return;
    const measure = () => setOverflows(element.scrollHeight > element.clientHeight + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [reason, expanded]);
  useEffect(() => setExpanded(false), [reason]);

  return (
    <div className="session-banner-reason">
      <p id={textId} ref={text} className={expanded ? 'reason-text' : 'reason-text clamped'}>
        <span className={captionClass}>{t('session.banner.reason')}</span> {reason}
      </p>
      {(overflows || expanded) && (
        <Button variant="quiet" size="sm" className="reason-toggle" aria-expanded={expanded} aria-controls={textId} onClick={() => setExpanded(!expanded)}>
          {expanded ? t('session.banner.showLess') : t('session.banner.showAll')}
        </Button>
      )}
    </div>
  );
}
