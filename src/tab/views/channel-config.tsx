import { Text, Title2 } from '@fluentui/react-components';
import { useEffect } from 'react';
import { configureTab } from '../teams';
import type { T } from '../texts';

/** `pages.config` for the team, group chat and meeting tabs: the tab opens on the person's work (docs/tab.md). */
export function ChannelConfig({ t }: { t: T }) {
  useEffect(() => configureTab(`${window.location.origin}/tab/`, 'samrad', t('tab.app-name')), [t]);
  return (
    <section>
      <Title2 as="h1">{t('tab.config.heading')}</Title2>
      <Text as="p" block>
        {t('tab.config.hint')}
      </Text>
    </section>
  );
}
