import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CardActions } from '../../src/app/answer-card-action';
import { cardVerbs } from '../../src/app/card-action';
import type { CardAction } from '../../src/app/card-action';
import { cardActionTable } from '../../src/app/card-action-table';
import { agendaItemForm } from '../../src/app/meetings/agenda-item-form';
import { Catalogue } from '../../src/i18n/catalogue';
import { cardsDir } from '../../src/presentation/card-renderer';
import { org, planned, withTwoCases } from './meetings/meeting-fixtures';

const catalogue = Catalogue.load();
/** The table's rows only: building it captures its dependencies and runs nothing. */
const table = (): CardAction[] =>
  cardActionTable({ voting: {} as never, scheduler: {} as never, links: {} as never, hearings: {} as never });

/** Every verb a card template carries, and those a builder fills in where a template says `${verb}`. */
function verbsInCards(): Set<string> {
  const found = new Set<string>();
  for (const file of readdirSync(cardsDir).filter((f) => f.endsWith('.json'))) {
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === 'object') {
        const o = x as Record<string, unknown>;
        if (typeof o.verb === 'string') found.add(o.verb);
        Object.values(o).forEach(walk);
      }
    };
    walk(JSON.parse(readFileSync(join(cardsDir, file), 'utf8')));
  }
  // The case form is one template for adding and editing; its builder names the verb.
  const t = catalogue.for('nb');
  const withCase = withTwoCases();
  for (const reply of [agendaItemForm(t, org, planned()), agendaItemForm(t, org, withCase, '', '', withCase.agenda[0])])
    if (reply.kind === 'card') found.add((reply.data as { verb: string }).verb);
  found.delete('${verb}');
  return found;
}

describe('card actions are one table, like the commands', () => {
  it('every verb in cards/*.json has exactly one handler, and every handler a verb some card carries', () => {
    const inCards = [...verbsInCards()].sort();
    const handled = table()
      .map((a) => a.verb)
      .sort();
    expect(inCards.length).toBeGreaterThan(20);
    expect(handled).toEqual([...new Set(handled)].sort()); // no verb twice
    expect(
      inCards.filter((v) => !handled.includes(v as never)),
      'verbs in cards with no handler',
    ).toEqual([]);
    expect(
      handled.filter((v) => !inCards.includes(v)),
      'handlers no card can press',
    ).toEqual([]);
    // The closed union is the same list: no verb in it that nothing answers.
    expect([...cardVerbs].sort()).toEqual(handled);
  });

  it('every row names who may press it', () => {
    for (const a of table()) expect(a.audience.length, a.verb).toBeGreaterThan(0);
    const coordinatorOnly = table()
      .filter((a) => a.audience.length === 1 && a.audience[0] === 'coordinator')
      .map((a) => a.verb);
    expect(coordinatorOnly).toEqual(
      expect.arrayContaining([
        'hearing.close',
        'hearing.compile',
        'hearing.extend',
        'hearing.register',
        'meeting.create',
        'minutes.save',
        'agenda.add',
      ]),
    );
  });

  it('refuses a table with one verb twice', () => {
    const row = table()[0]!;
    expect(() => new CardActions([row, row], catalogue, {} as never)).toThrow(/share a verb/);
  });
});
