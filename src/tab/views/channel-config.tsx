import { Field, Select, Spinner, Text, Title2 } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { api } from '../api';
import { configureTab } from '../teams';
import type { T } from '../texts';
import { Problem } from './problem';

interface BodyChoice {
  readonly id: string;
  readonly name: string;
}

/**
 * `pages.config` for the team, group chat and meeting tabs: the person picks the body, and the
 * tab Teams saves opens that body's meetings, decisions and documents (`/tab/channel?body=…`).
 */
export function ChannelConfig({ t }: { t: T }) {
  const [bodies, setBodies] = useState<readonly BodyChoice[] | undefined>();
  const [failed, setFailed] = useState(false);
  const [chosen, setChosen] = useState('');
  useEffect(() => {
    api<{ bodies: BodyChoice[] }>(t.locale, 'bodies')
      .then((r) => setBodies(r.body?.bodies ?? []))
      .catch(() => setFailed(true));
  }, [t]);
  useEffect(() => {
    const body = bodies?.find((b) => b.id === chosen);
    configureTab(
      body && {
        contentUrl: `${window.location.origin}/tab/channel?body=${encodeURIComponent(body.id)}`,
        entityId: `samrad-body-${body.id}`,
        suggestedDisplayName: body.name,
      },
    );
  }, [bodies, chosen]);
  if (failed) return <Problem message={t('tab.error.load')} />;
  if (!bodies) return <Spinner label={t('tab.loading')} />;
  const name = bodies.find((b) => b.id === chosen)?.name;
  return (
    <section>
      <Title2 as="h1">{t('tab.config.heading')}</Title2>
      <Text as="p" block>
        {t('tab.config.hint')}
      </Text>
      <Field label={t('tab.config.body')}>
        <Select value={chosen} onChange={(_e, data) => setChosen(data.value)}>
          <option value="" disabled>
            {t('tab.config.choose')}
          </option>
          {bodies.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </Select>
      </Field>
      <Text as="p" block aria-live="polite">
        {name && t('tab.config.chosen', { body: name })}
      </Text>
    </section>
  );
}
