// The TextMate grammar, tokenized by the library VS Code itself uses (vscode-textmate with the
// Oniguruma regex engine), on lines of the shipped rules. `npm test` (not part of CI).
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const test = require('node:test');
const textmate = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
const ready = oniguruma.loadWASM(wasm).then(() => ({
  createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
  createOnigString: (text) => new oniguruma.OnigString(text),
}));
const registry = new textmate.Registry({
  onigLib: ready,
  loadGrammar: async () =>
    textmate.parseRawGrammar(
      fs.readFileSync(path.join(__dirname, '..', 'syntaxes', 'dealgate.tmLanguage.json'), 'utf8'),
      'dealgate.tmLanguage.json',
    ),
});

// Each token of `line` as [text, innermost scope].
async function tokens(line) {
  const grammar = await registry.loadGrammar('source.dealgate');
  const { tokens: found } = grammar.tokenizeLine(line, textmate.INITIAL);
  return found.map((t) => [line.slice(t.startIndex, t.endIndex), t.scopes[t.scopes.length - 1]]);
}

async function scopeOf(line, text) {
  const found = (await tokens(line)).find(([t]) => t === text);
  assert.ok(found, `no token \`${text}\` in ${JSON.stringify(await tokens(line))}`);
  return found[1];
}

// Each token of `line` named in `scopes` has the scope given for it.
async function expectScopes(line, scopes) {
  for (const [text, scope] of Object.entries(scopes)) {
    assert.strictEqual(await scopeOf(line, text), scope, `\`${text}\` in ${line}`);
  }
}

test('declarations name what they declare', async () => {
  await expectScopes('milestone value_confirmed "Financial value confirmed" {', {
    milestone: 'keyword.declaration.dealgate',
    value_confirmed: 'entity.name.function.dealgate',
  });
  await expectScopes('param min_roi: number = 3', {
    min_roi: 'variable.other.constant.dealgate',
    number: 'storage.type.dealgate',
  });
});

test('conditions: labels, functions, operators, literals', async () => {
  const line = '  require roi: sum(b in value.benefits: b.annual_amount) >= min_roi * 1_000 and today > @2026-01-01';
  await expectScopes(line, {
    require: 'keyword.control.dealgate',
    roi: 'entity.name.label.dealgate',
    sum: 'support.function.dealgate',
    in: 'keyword.operator.word.dealgate',
    '>=': 'keyword.operator.dealgate',
    '1_000': 'constant.numeric.dealgate',
    '@2026-01-01': 'constant.numeric.date.dealgate',
    today: 'variable.language.today.dealgate',
  });
});

test('messages: escapes, literal braces and interpolations', async () => {
  await expectScopes('    else "only {count(solution.parameters)} of {{n}} \\u{1F600}" # why', {
    count: 'support.function.dealgate',
    '{{': 'constant.character.escape.brace.dealgate',
    '\\u{1F600}': 'constant.character.escape.dealgate',
    '# why': 'comment.line.number-sign.dealgate',
  });
});

test('a `#` inside a string is no comment', async () => {
  await expectScopes('const tag = "#1" # a comment', {
    '# a comment': 'comment.line.number-sign.dealgate',
    '#1': 'string.quoted.double.dealgate',
  });
});

test('every line of the shipped rules tokenizes', async () => {
  const grammar = await registry.loadGrammar('source.dealgate');
  const rules = path.join(__dirname, '..', '..', '..', 'rules');
  for (const file of fs.readdirSync(rules).filter((f) => f.endsWith('.gate'))) {
    let state = textmate.INITIAL;
    for (const line of fs.readFileSync(path.join(rules, file), 'utf8').split('\n')) {
      const result = grammar.tokenizeLine(line, state);
      assert.ok(result.tokens.length > 0);
      state = result.ruleStack;
    }
    assert.strictEqual(state.depth, 1, `${file}: every string and interpolation is closed`);
  }
});
