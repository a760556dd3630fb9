import { z } from 'zod';
import { areaNames, municipalitiesSorted } from '../../domain/organisation';
import { card } from '../reply';
import { declareCommand } from './grammar/declare-command';

export const municipalitiesCommand = declareCommand({
  id: 'municipalities',
  audience: ['anyone-registered'],
  args: z.object({}),
  inMenu: false,
  async run({ org, t }) {
    const municipalities = municipalitiesSorted(org);
    const population = municipalities.reduce((sum, m) => sum + m.population, 0);
    return [
      card('municipalities', {
        title: t.t('municipalities.title', { cooperation: org.cooperation.name }),
        summary: t.t('municipalities.summary', {
          count: municipalities.length,
          small: municipalities.filter((m) => m.small).length,
          population,
        }),
        headers: {
          name: t.t('municipalities.column.name'),
          number: t.t('municipalities.column.number'),
          area: t.t('municipalities.column.area'),
          population: t.t('municipalities.column.population'),
        },
        rows: municipalities.map((m) => ({
          name: m.small ? t.t('municipalities.small', { name: m.name }) : m.name,
          number: m.number,
          area: areaNames(org, m).join(', '),
          population: t.t('number', { value: m.population }),
        })),
      }),
    ];
  },
});
