// The YAML level of reading a plan: yaml's lexer, parser and composer run under a nesting
// guard into one document, and duplicate keys are found in linear time. Nothing here knows
// what a plan is; the plan reader starts from the document this returns.

import { Composer, CST, Document, isMap, isScalar, isSeq, Lexer, Parser, Scalar } from 'yaml';
import { NestingGuard } from './nesting';

export type YamlParse =
  | { readonly kind: 'document'; readonly document: Document.Parsed; readonly extraDocumentRange?: readonly [number, number] }
  | { readonly kind: 'too-deep'; readonly offset: number };

/**
 * yaml's `parseDocument`, assembled from its parts so the nesting guard sees every lexer
 * token before the parser and composer (which recurse) build anything from it.
 */
export function parseYaml(text: string): YamlParse {
  const guard = new NestingGuard();
  const parser = new Parser();
  const cst: CST.Token[] = [];
  for (const lexeme of new Lexer().lex(text)) {
    guard.observe(lexeme);
    if (guard.exceededAt !== undefined) {
      return { kind: 'too-deep', offset: guard.exceededAt };
    }
    for (const token of parser.next(lexeme)) {
      cst.push(token);
    }
  }
  for (const token of parser.end()) {
    cst.push(token);
  }
  let first: Document.Parsed | undefined;
  // uniqueKeys is off because yaml checks it pairwise (quadratic: a 2 MB file of keys would
  // hang the extension host); `findDuplicateKeys` does the same check in linear time.
  for (const document of new Composer({ prettyErrors: false, uniqueKeys: false }).compose(cst, true, text.length)) {
    if (first) {
      return { kind: 'document', document: first, extraDocumentRange: [document.range[0], document.range[1]] };
    }
    first = document;
  }
  if (!first) {
    throw new Error('yaml returned no document'); // compose(..., forceDoc) always yields one.
  }
  return { kind: 'document', document: first };
}

/**
 * Scalar keys repeated within one mapping (second and later occurrences), anywhere in the
 * document. Iterative, and depth is already bounded by the nesting guard.
 */
export function findDuplicateKeys(root: unknown): Scalar[] {
  const duplicates: Scalar[] = [];
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        if (isScalar(pair.key)) {
          if (seen.has(pair.key.value)) {
            duplicates.push(pair.key);
          }
          seen.add(pair.key.value);
        } else {
          pending.push(pair.key);
        }
        pending.push(pair.value);
      }
    } else if (isSeq(node)) {
      // One by one: spreading a long list into `push` overflows the call stack.
      for (const item of node.items) {
        pending.push(item);
      }
    }
  }
  return duplicates.sort((a, b) => (a.range?.[0] ?? 0) - (b.range?.[0] ?? 0));
}
