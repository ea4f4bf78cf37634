// What main wants the user to know outside any screen, in the user's language.
import { useTranslation } from 'react-i18next';
import { useNotices } from '../stores/notices-store';

export function NoticeBar() {
  const { t } = useTranslation();
  const notices = useNotices((state) => state.notices);
  const dismiss = useNotices((state) => state.dismiss);
  if (notices.length === 0) return null;
  return (
    <section className="notice-bar" aria-label={t('app.notices.label')}>
      {notices.map((notice) => (
        <p key={notice.id} className={`notice-bar-item notice-${notice.level}`} role={notice.level === 'info' ? 'status' : 'alert'}>
          <span>{t(notice.key, notice.params)}</span>
          <button type="button" onClick={() => dismiss(notice.id)}>
            {t('app.notices.dismiss')}
          </button>
        </p>
      ))}
    </section>
  );
}
