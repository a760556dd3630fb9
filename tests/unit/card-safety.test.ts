import { describe, expect, it } from 'vitest';
import { markData, secureCard } from '../../src/presentation/card-safety';
import { markup } from '../../src/presentation/card-text';

const secured = (card: object) => secureCard(markData(card)) as Record<string, any>;

describe('the renderer escapes each field for where Teams shows it', () => {
  const hostile = '*Stem* [her](https://evil.example) {{DATE(2026-01-15T09:30:00Z)}} \u202Eok';
  const card = secured({
    type: 'AdaptiveCard',
    body: [
      { type: 'TextBlock', text: hostile },
      { type: 'FactSet', facts: [{ title: hostile, value: hostile }] },
      { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: hostile }, hostile] },
      { type: 'Input.ChoiceSet', id: 'a', style: 'expanded', choices: [{ title: hostile, value: 'v*1' }] },
      {
        type: 'Input.ChoiceSet',
        id: 'b',
        style: 'compact',
        label: hostile,
        choices: [{ title: hostile, value: 'v*2' }],
      },
      { type: 'Input.Text', id: 'c', value: hostile, placeholder: hostile, errorMessage: hostile },
      { type: 'Input.Toggle', id: 'd', title: hostile },
    ],
    actions: [
      { type: 'Action.Execute', title: hostile, verb: 'vote.cast', data: { text: hostile } },
      { type: 'Action.OpenUrl', title: 'ok', url: 'https://contoso.sharepoint.com/a.docx' },
      { type: 'Action.OpenUrl', title: 'no', url: 'javascript:alert(1)' },
    ],
  });
  const markdown = '\\*Stem\\* \\[her\\](https://evil.example) \\{\\{DATE(2026-01-15T09:30:00Z)}} ok';
  const label = '*Stem* [her](https://evil.example) { {DATE(2026-01-15T09:30:00Z)}} ok';

  it('Markdown fields are escaped: TextBlock, facts, expanded choices, toggles, error messages', () => {
    expect(card.body[0].text).toBe(markdown);
    expect(card.body[1].facts[0]).toEqual({ title: markdown, value: markdown });
    expect(card.body[3].choices[0].title).toBe(markdown);
    expect(card.body[5].errorMessage).toBe(markdown);
    expect(card.body[6].title).toBe(markdown);
  });

  it('plain fields keep their characters but lose bidi controls and date functions', () => {
    expect(card.body[2].inlines).toEqual([{ type: 'TextRun', text: label }, label]);
    expect(card.body[4].label).toBe(label);
    expect(card.body[4].choices[0].title).toBe(label);
    expect(card.body[5].placeholder).toBe(label);
    expect(card.actions[0].title).toBe(label);
  });

  it('what a button sends back and what an input holds are left exactly as built', () => {
    expect(card.actions[0].data).toEqual({ text: hostile });
    expect(card.body[5].value).toBe(hostile);
    expect(card.body[3].choices[0].value).toBe('v*1');
  });

  it('a link opens only over https', () => {
    expect(card.actions.map((a: { title: string }) => a.title)).toEqual([label, 'ok']);
  });

  it('markup from the catalogue keeps its Markdown; the text around it is still escaped', () => {
    const mixed = secureCard({
      type: 'TextBlock',
      text: `${markData(markup('**Sak 2/2026**'))} *${markData('_x_')}*`,
    }) as { text: string };
    expect(mixed.text).toBe('**Sak 2/2026** \\*\\_x\\_\\*');
  });
});
