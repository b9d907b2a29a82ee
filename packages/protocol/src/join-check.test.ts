import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkJoinFields } from './join-check.js';
import { HelloSchema } from './hello.js';
import { validate } from './validate.js';
import { MAX_NAME_LENGTH, MAX_TOKEN_LENGTH } from './limits.js';

// checkJoinFields is what a client checks its options with before any schema has loaded: it must accept and refuse
// exactly what the hello schema does, and hand on the same values (the name trimmed).
const cases: { room: unknown; token?: unknown; name?: unknown }[] = [
  { room: 'demo' },
  { room: 'Room_1-a' },
  { room: 'x'.repeat(64) },
  { room: 'x'.repeat(65) },
  { room: '' },
  { room: 'has space' },
  { room: '房间' },
  { room: 'demo/../x' },
  { room: 42 },
  { room: null },
  { room: 'demo', token: 'a.b.c' },
  { room: 'demo', token: '' },
  { room: 'demo', token: 't'.repeat(MAX_TOKEN_LENGTH) },
  { room: 'demo', token: 't'.repeat(MAX_TOKEN_LENGTH + 1) },
  { room: 'demo', token: 7 },
  { room: 'demo', name: '李雷' },
  { room: 'demo', name: '  Ann  ' },
  { room: 'demo', name: '   ' },
  { room: 'demo', name: '' },
  { room: 'demo', name: 'n'.repeat(MAX_NAME_LENGTH) },
  { room: 'demo', name: ` ${'n'.repeat(MAX_NAME_LENGTH)} ` },
  { room: 'demo', name: 'n'.repeat(MAX_NAME_LENGTH + 1) },
  { room: 'demo', name: ['Ann'] },
  { room: 'demo', token: 'a.b.c', name: 'Host' },
];

describe('checkJoinFields', () => {
  it('accepts and refuses what the hello schema does, with the same values', () => {
    for (const fields of cases) {
      const schema = validate(HelloSchema, { t: 'hello', id: 'check', ...fields });
      const check = checkJoinFields(fields);
      const label = JSON.stringify(fields).slice(0, 80);
      assert.equal(check.ok, schema.ok, label);
      if (check.ok && schema.ok) {
        const { room, token, name } = schema.value;
        assert.deepEqual(check.value, { room, ...(token === undefined ? {} : { token }), ...(name === undefined ? {} : { name }) }, label);
      }
    }
  });

  it('says which field is wrong', () => {
    const refused = (fields: { room: unknown; token?: unknown; name?: unknown }) => {
      const check = checkJoinFields(fields);
      assert.equal(check.ok, false);
      return check.ok ? '' : check.error.message;
    };
    assert.match(refused({ room: 'a b' }), /^room: /);
    assert.match(refused({ room: 'demo', token: 't'.repeat(MAX_TOKEN_LENGTH + 1) }), /^token: /);
    assert.match(refused({ room: 'demo', name: '  ' }), /^name: /);
  });
});
