// The messages ModelError is thrown with in src/language, read from the source with the
// TypeScript parser: a template's `${...}` parts become `…`. docs/model-language.md explains each
// one; spec/docs/docs.spec.ts checks that the page lists exactly these.
import ts from 'typescript';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One message template and the files that throw it. */
export interface ModelErrorMessage { template: string; files: string[] }

function templateText(node: ts.Expression, sf: ts.SourceFile): string {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((s) => '…' + s.literal.text).join('');
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) return templateText(node.left, sf) + templateText(node.right, sf);
  if (ts.isParenthesizedExpression(node)) return templateText(node.expression, sf);
  return '…';
}

/** Every distinct `new ModelError(message, ...)` template under `dir` (recursively). */
export function modelErrorMessages(dir: string): ModelErrorMessage[] {
  const found = new Map<string, Set<string>>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts')) {
        const sf = ts.createSourceFile(p, readFileSync(p, 'utf8'), ts.ScriptTarget.ES2022, true);
        const visit = (n: ts.Node): void => {
          if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'ModelError' && n.arguments?.[0]) {
            const t = templateText(n.arguments[0], sf).replace(/\s+/g, ' ').trim();
            if (!found.has(t)) found.set(t, new Set());
            found.get(t)!.add(e.name);
          }
          ts.forEachChild(n, visit);
        };
        visit(sf);
      }
    }
  };
  walk(dir);
  return [...found].map(([template, files]) => ({ template, files: [...files].sort() })).sort((a, b) => a.template.localeCompare(b.template));
}
