// Produces the expected answers of the FQL unit tests from Segment's own engine:
//   @segment/fql-ts 1.10.1 (lex) and @segment/destination-subscriptions 3.37.0 (parseFql, validate, generateFql).
// Usage: node make-test-data.js /path/to/node_modules   (writes lexer.jsonl, parser.jsonl, evaluate.jsonl, generate.jsonl here)
const path = require('path');
const fs = require('fs');
const modules = process.argv[2] || '/tmp/ref/node_modules';
const fqlts = require(path.join(modules, '@segment/fql-ts'));
const ds = require(path.join(modules, '@segment/destination-subscriptions'));

// mulberry32: a small seeded generator, so the files are reproducible.
let seed = 20240601;
function rnd() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (a) => a[Math.floor(rnd() * a.length)];
const write = (name, rows) => fs.writeFileSync(path.join(__dirname, name), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');

// ---- lexer: tokens, or the error with fql-ts's cursor ----
const lexInputs = [
  '', ' ', '\t\n', 'type = "track"', "type = 'track'", 'a', 'an', 'and', 'and(', 'o', 'or', 'n', 'nu', 'nul', 'null', 'null.x',
  'nullx', 'null(', '!', '!=', '!= ', '!=x', '!contains(a, "b")', '!(', '! a', 'a != b', 'a!=b', 'a !="x"', '<', '<=', '< =', '<=1',
  '>', '>=', '>= 1', '=', '==', 'a=b', 'a==b', '-', '+', '-1', '+1', '1.5', '1.', '1. ', '1.x', '.5', '1..2', '1.2.3', '007', '1e5',
  '0x10', '"', '"abc', '"abc"', '"abc"x', '"a\\"b"', '"a\'b"', "'a\"b'", '""', '"" ""', '"\\"', 'a.b.c', 'a..b', 'a.', '.a',
  'properties.a b', 'a\\ b', 'a\\', '\\', '\\a', '_', '_x', 'a-b', 'a_b', 'a1', 'a$', '$', '#', '&&', 'a && b', '\r', 'a\r\nb',
  'a\nb', 'a\n\nb', '\n$', 'a\n$', 'x\n!', 'x\n"abc', '"a\nb"', '(a)', '((a))', ')', '[a]', 'a[0]', 'a,b', 'a ,b', 'contains(a,"b")',
  'match(a, "b*")', '日本', 'a日', '"日本"', '"😀"', '😀', '\ud800', '"\ud800"', 'a\u00a0b', 'ſ', 'K', 'type = "track" and event = "x"',
  'event = "a" or\nevent = "b"', 'a\n\r\nb\r$', '\r\n$', 'ab\rc', 'nul\n', 'an\n', 'a\\\n', 'x = tr\\ue', 'type =1', 'x=-', 'x = +',
  'x = 5.\n', 'x = 5.)', 'x = 5.]', 'x = 5.,', '"x" "y"', '"x"(', "'x'y'", 'a(b)', 'a)b', 'a]b', 'a,', 'or(', 'o r', 'and\tor',
];
const alphabet = ['a', 'n', 'd', 'o', 'r', 'u', 'l', 'x', '1', '0', '.', '-', '+', '_', '\\', '!', '=', '<', '>', '"', "'", '(', ')',
  '[', ']', ',', ' ', ' ', '\t', '\n', '\r', '$', 'é', '\ud83d', '\ude00'];
for (let i = 0; i < 400; i++) {
  let s = '';
  const n = 1 + Math.floor(rnd() * 14);
  for (let j = 0; j < n; j++) s += pick(alphabet);
  lexInputs.push(s);
}
write('lexer.jsonl', [...new Set(lexInputs)].map((code) => {
  const r = fqlts.lex(code);
  if (r.error) return { code, error: r.error.message, line: r.error.cursor.line, column: r.error.cursor.column };
  return { code, tokens: r.tokens.map((t) => [t.type, t.value]) };
}));

// ---- parser: AST or error, for hand-picked triggers and seeded random ones ----
const parseInputs = [
  'type = "track"', 'type = "track" and event = "Order Completed"', 'a and b', 'type = "a" and type = "b" or type = "c"',
  'type = "a" or type = "b" and type = "c"', '(type = "a" or type = "b") and event = "x"', '(type = "a")', '()', '( )',
  'type = "a" and ()', '((type = "a"))', '(type = "a" or (event = "b"))', '(type = "a"', 'type = "a")', 'properties.a = 1',
  'properties.a != 1', 'properties.a = true', 'properties.a = false', 'properties.a = null', 'properties.a != null',
  'userId = true', 'userId = null', 'userId != null', 'name = null', 'name = true', 'event = null', 'type = true', 'event = 1.50',
  'properties.a > -', 'properties.a = +', 'properties.a < 1.5', 'traits.a.b >= 10', 'context.ip = "1.2.3.4"', 'properties = 1',
  'contains(event, "x")', 'contains(type, "x")', '!contains(properties.a, "x")', 'match(event, "x*")', 'match(event, "*x")',
  'match(event, "abc")', "match(event, 'x*')", "event = 'single'", 'match(propertiesX, "x")', 'contains(properties, "x")',
  'contains(', 'contains()', 'match(', 'match()', 'contains(a', 'type', 'type =', 'type = ', 'constructor = "x"', 'toString = 1',
  '__proto__ = "x"', 'hasOwnProperty = "x" and type = "a"', 'Type = "a"', 'foo = "a" and type = "b"', 'type = "a" AND type = "b"',
  'type = "a" , type = "b"', 'type = 1e5', 'type = an', 'type = nul', 'type = "a\\"', 'type = "a" "b"', 'properties.a\\ b = 1',
  'properties["a"] = 1', 'properties.a[0] = 1', 'properties.a.b.c = "x"', 'properties . a = 1', 'properties.a.length > 0',
  'type = "日本"', 'type = "😀"', 'type = "\ud800"', 'event = "a" or\nevent = "b"', 'event\t=\t"a"', 'event = "a" and\r\nevent = "b"',
  '!match(name, "x*") or userId = "u"', 'type = "track" and properties.price > 10 and (traits.vip = true or context.app.version != null)',
];
const fields = ['type', 'event', 'name', 'userId', 'properties.a', 'properties.b.c', 'traits.x', 'context.ip', 'properties', 'foo', 'constructor'];
const ops = ['=', '!=', '<', '<=', '>', '>='];
const vals = ['"a"', '"track"', "'x'", '1', '-1', '1.5', '-', 'true', 'false', 'null', '"*a"', '"a*"', '""', 'abc'];
function cond() {
  const r = rnd();
  if (r < 0.15) return `${pick(['contains', 'match', '!contains', '!match'])}(${pick(fields)}, ${pick(vals)})`;
  if (r < 0.22) return `(${cond()} ${pick(['and', 'or'])} ${cond()})`;
  return `${pick(fields)} ${pick(ops)} ${pick(vals)}`;
}
for (let i = 0; i < 250; i++) {
  let s = cond();
  const n = Math.floor(rnd() * 4);
  for (let j = 0; j < n; j++) s += ` ${pick(['and', 'or'])} ${cond()}`;
  parseInputs.push(s);
}
write('parser.jsonl', [...new Set(parseInputs)].map((fql) => {
  const ast = ds.parseFql(fql);
  return ast.error ? { fql, error: ast.error.message } : { fql, ast };
}));

// ---- evaluate and generate: malformed and odd trees next to ordinary ones ----
const types = ['event-type', 'event', 'name', 'userId', 'event-property', 'event-trait', 'event-context', 'group', 'weird', null, 5];
const opers = ['=', '!=', '<', '<=', '>', '>=', 'number_equals', 'number_not_equals', 'contains', 'not_contains', 'starts_with',
  'not_starts_with', 'ends_with', 'not_ends_with', 'exists', 'not_exists', 'is_true', 'is_false', 'and', 'bogus', null, 1, ['='], {}];
const names = ['a', 'b.c', 'a[0]', 'a.length', 'constructor', 'constructor.name', 'a b', 'ü', '😀', '..', '[]', '', null, 0, 5, true,
  ['a', 'b'], ['a', { toString: 1 }], [], {}, ['x', null], '__proto__', '__proto__.__proto__', 'a.__proto__', '0'];
const scalars = ['a', 'track', 'x', '', 0, 1, -1, 1.5, true, false, null, 'Order Completed', '*a', 'ü', '1', '(x)', 'a(b', '"q"', 1e21,
  1e-7, [1, [2, null]], {}, { toString: 1 }, [{ toString: 1 }], { valueOf: 1 }, '\ud800'];
function node(d) {
  const r = rnd();
  if (r < 0.04) return pick([null, 'str', 5, [], {}]);
  if (d < 3 && r < 0.25) return group(d + 1);
  const n = { type: pick(types) };
  if (rnd() < 0.9) n.name = pick(names);
  if (rnd() < 0.95) n.operator = pick(opers);
  if (rnd() < 0.8) n.value = pick(scalars);
  return n;
}
function group(d) {
  const g = { type: 'group' };
  if (rnd() < 0.97) g.operator = pick(['and', 'or', 'and', 'or', 'xor', null, { toString: 1 }, ['or']]);
  const c = rnd();
  if (c < 0.94) {
    g.children = [];
    const n = Math.floor(rnd() * 4);
    for (let i = 0; i < n; i++) g.children.push(node(d));
  } else if (c < 0.97) g.children = pick(['abc', 5, {}, null]);
  return g;
}
function value(d) {
  const r = rnd();
  if (d > 2 || r < 0.5) return pick(['a', 'track', 'x', '', 0, 1, -1, 1.5, true, false, null, 'Order Completed', '*a', 'ü', '1', 'a*', '(x)', 'xa', 'ax']);
  if (r < 0.75) {
    const o = {};
    for (const k of ['a', 'b', 'c', 'x', '0', 'length', 'constructor'].filter(() => rnd() < 0.4)) o[k] = value(d + 1);
    return o;
  }
  return [value(d + 1), value(d + 1)];
}
function event() {
  if (rnd() < 0.05) return pick([null, 'str', 5, [1], true]);
  const e = {};
  for (const k of ['type', 'event', 'name', 'userId']) if (rnd() < 0.6) e[k] = value(2);
  for (const k of ['properties', 'traits', 'context']) if (rnd() < 0.7) e[k] = value(0);
  return e;
}
const evaluateRows = [];
const generateRows = [];
for (let i = 0; i < 400; i++) {
  let ast = rnd() < 0.9 ? group(0) : node(0);
  if (rnd() < 0.02) ast = { error: { message: 'boom' } };
  ast = JSON.parse(JSON.stringify(ast)); // what the C++ side reads
  try { generateRows.push({ ast, fql: ds.generateFql(ast) }); } catch (e) { generateRows.push({ ast, error: e.message }); }
  for (let j = 0; j < 2; j++) {
    const ev = event();
    try { evaluateRows.push({ ast, event: ev, match: ds.validate(ast, ev) }); } catch (e) { evaluateRows.push({ ast, event: ev, error: e.message }); }
  }
}
write('evaluate.jsonl', evaluateRows);
write('generate.jsonl', generateRows);
