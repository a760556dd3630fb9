import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as ACData from 'adaptivecards-templating';
import { packageRoot } from '../package-root';

export const cardsDir = join(packageRoot, 'cards');

/** Adaptive Card templates from `cards/`, filled with data. Templates hold no user text. */
export class CardRenderer {
  private readonly templates = new Map<string, ACData.Template>();

  constructor(private readonly dir = cardsDir) {}

  names(): string[] {
    return readdirSync(this.dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -'.json'.length))
      .sort();
  }

  render(name: string, data: object): Record<string, unknown> {
    let template = this.templates.get(name);
    if (!template) {
      if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`Not a card name: ${name}`);
      template = new ACData.Template(JSON.parse(readFileSync(join(this.dir, `${name}.json`), 'utf8')));
      this.templates.set(name, template);
    }
    return template.expand({ $root: data }) as Record<string, unknown>;
  }
}
