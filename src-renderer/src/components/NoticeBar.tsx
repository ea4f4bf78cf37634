// What main wants the user to know outside any screen, in the user's language.
import { useTranslation } from 'react-i18next';
import { useNotices } from '../stores/notices-store';
import { Button, Notice, type NoticeTone } from './ui';

const tones: Record<'info' | 'warning' | 'error', NoticeTone> = { info: 'info', warning: 'caution', error: 'error' };

export function NoticeBar() {
  const { t } = useTranslation();
  const notices = useNotices((state) => state.notices);
  const dismiss = useNotices((state) => state.dismiss);
  if (notices.length === 0) return null;
  return (
    <section className="notice-bar" aria-label={t('app.notices.label')}>
      {notices.map((notice) => (
        <Notice key={notice.id} tone={tones[notice.level]} className="notice-bar-item" role={notice.level === 'info' ? 'status' : 'alert'}>
          <span>{t(notice.key, notice.params)}</span>
          <Button size="sm" onClick={() => dismiss(notice.id)}>
            {t('app.notices.dismiss')}
          </Button>
        </Notice>
      ))}
    </section>
  );
}
