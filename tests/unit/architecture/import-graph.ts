// The source tree's imports, read with the TypeScript compiler's parser (not a regex), so that
// multi-line, type-only and dynamic imports are each seen for what they are.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export const root = join(__dirname, '..', '..', '..');
export const srcRoot = join(root, 'src');

export interface Import {
  /** The file that imports, relative to src/ (`app/voting/vote-actions.ts`). */
  readonly from: string;
  /** As written: `./tally`, `botbuilder`. */
  readonly specifier: string;
  /** The imported file relative to src/, when it is one of ours. */
  readonly to?: string;
  /** `import type`, or every name in braces is `type`: gone at run time. */
  readonly typeOnly: boolean;
  /** `await import('…')`: loaded when called, not when the file loads. */
  readonly dynamic: boolean;
}

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? filesUnder(join(dir, f)) : [join(dir, f)]));

export const sourceFiles = (): string[] =>
  filesUnder(srcRoot)
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => relative(srcRoot, f));

const resolveLocal = (from: string, specifier: string): string | undefined => {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(srcRoot, dirname(from), specifier);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), base])
    if (existsSync(candidate) && statSync(candidate).isFile()) return relative(srcRoot, candidate);
  return undefined;
};

const typeOnlyClause = (clause: ts.ImportClause | undefined): boolean => {
  if (!clause) return false; // `import './x'`: a side effect, at run time
  if (clause.phaseModifier === ts.SyntaxKind.TypeKeyword) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  return (
    !!bindings &&
    ts.isNamedImports(bindings) &&
    bindings.elements.length > 0 &&
    bindings.elements.every((e) => e.isTypeOnly)
  );
};

export function importsOf(file: string): Import[] {
  const text = readFileSync(join(srcRoot, file), 'utf8');
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    false,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: Import[] = [];
  const add = (specifier: string, typeOnly: boolean, dynamic: boolean) => {
    const to = resolveLocal(file, specifier);
    found.push({ from: file, specifier, ...(to && { to }), typeOnly, dynamic });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier))
      add(node.moduleSpecifier.text, typeOnlyClause(node.importClause), false);
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier))
      add(node.moduleSpecifier.text, node.isTypeOnly, false);
    else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    )
      add(node.arguments[0].text, false, true);
    else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    )
      add(node.argument.literal.text, true, false);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Cycles among the files, each as the path that closes it (`a.ts -> b.ts -> a.ts`), once per cycle. */
export function cyclesIn(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  // Tarjan's strongly connected components; a component of more than one file holds a cycle.
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const connect = (v: string) => {
    indexOf.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!indexOf.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
    }
    if (low.get(v) === indexOf.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (edges.get(v) ?? []).includes(v)) components.push(component.sort());
    }
  };
  for (const v of [...edges.keys()].sort()) if (!indexOf.has(v)) connect(v);
  return components.sort((a, b) => a[0]!.localeCompare(b[0]!));
}
