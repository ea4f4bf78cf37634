// The search result as a virtualized list: only the rows in view are in the DOM,
// and pages are asked for as the user scrolls to them.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserRow } from '../../../../src-preload/contract';
import { useUsers, usersStore } from '../../stores/users-store';
import { UserListRow } from './UserListRow';

const ROW_HEIGHT = 64;

export function UserList({ busy, onImpersonate }: { busy: boolean; onImpersonate(user: UserRow): void }) {
  const { t } = useTranslation();
  const total = useUsers((state) => state.total) ?? 0;
  const rows = useUsers((state) => state.rows);
  const generation = useUsers((state) => state.generation);
  const scrollRef = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (total > 0) usersStore.getState().ensureRange(first, last);
  }, [first, last, total, generation]);

  // A new search starts at the top.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [generation]);

  return (
    // Focusable, so that the list scrolls from the keyboard even when no row has a button.
    <div ref={scrollRef} className="user-list-scroll" tabIndex={0} role="region" aria-label={t('users.list.scrollLabel')}>
      <div role="list" aria-label={t('users.list.label')} className="user-list" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => (
          <UserListRow
            key={item.key}
            user={rows[item.index]}
            position={item.index + 1}
            setSize={total}
            top={item.start}
            height={ROW_HEIGHT}
            busy={busy}
            onImpersonate={onImpersonate}
          />
        ))}
      </div>
    </div>
  );
}
