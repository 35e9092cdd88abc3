// postgrest_compat/tests/js/flow.test.mjs — the official @supabase/postgrest-js client (unmodified) driving
// postgrest-compat through a realistic flow. Layer: postgrest_compat (tests). Run by test_postgrest_js.py with
// PGRST_URL (server base URL) and PGRST_TOKEN (JWT for role authenticated, sub alice).
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { PostgrestClient } from '@supabase/postgrest-js'

const url = process.env.PGRST_URL
const anon = new PostgrestClient(url, { schema: 'api' })
const user = new PostgrestClient(url, { schema: 'api', headers: { Authorization: `Bearer ${process.env.PGRST_TOKEN}` } })

function ok({ data, error, count }) {
  assert.equal(error, null, JSON.stringify(error))
  return { data, count }
}

test('filters with or / not, order, range', async () => {
  const { data } = ok(await anon.from('items').select('id, name')
    .or('qty.eq.0,name.eq.carrot,name.eq.apple').not('price', 'is', null)
    .order('id', { ascending: false }).range(0, 0))
  assert.deepEqual(data, [{ id: 2, name: 'banana' }])
})

test('operator helpers', async () => {
  assert.deepEqual(ok(await anon.from('items').select('id').in('name', ['apple', 'a,b'])).data, [{ id: 1 }])
  assert.deepEqual(ok(await anon.from('items').select('id').contains('tags', ['fruit']).order('id')).data,
    [{ id: 1 }, { id: 2 }])
  assert.deepEqual(ok(await anon.from('items').select('id').likeAnyOf('name', ['a*', 'c*']).order('id')).data,
    [{ id: 1 }, { id: 3 }])
  assert.deepEqual(ok(await anon.from('items').select('id').textSearch('search', 'fox', { config: 'english' })).data,
    [{ id: 1 }])
  assert.deepEqual(ok(await anon.from('items').select('id').rangeLt('during', '[10,20)').order('id')).data,
    [{ id: 1 }, { id: 2 }])
  assert.deepEqual(ok(await anon.from('items').select('id').match({ name: 'durian', qty: 1 })).data, [{ id: 4 }])
  assert.deepEqual(ok(await anon.from('items').select('id').eq('meta->nested->>a', '2')).data, [{ id: 2 }])
})

test('embedding with referenced-table modifiers and !inner', async () => {
  const { data } = ok(await anon.from('clients').select('id, name, projects(id, name)').eq('id', 1)
    .order('id', { ascending: false, referencedTable: 'projects' }).limit(1, { referencedTable: 'projects' }))
  assert.deepEqual(data, [{ id: 1, name: 'Microsoft', projects: [{ id: 2, name: 'Windows 10' }] }])
  const inner = ok(await anon.from('clients').select('id, projects!inner(name)').eq('projects.name', 'IOS'))
  assert.deepEqual(inner.data, [{ id: 2, projects: [{ name: 'IOS' }] }])
})

test('exact count with a page', async () => {
  const res = await anon.from('tasks').select('id', { count: 'exact' }).order('id').range(0, 2)
  const { data, count } = ok(res)
  assert.equal(count, 8)
  assert.equal(res.status, 206)
  assert.deepEqual(data.map((r) => r.id), [1, 2, 3])
  const head = await anon.from('tasks').select('*', { count: 'exact', head: true })
  assert.equal(head.count, 8)
  assert.equal(head.data, null)
})

test('single() and maybeSingle()', async () => {
  assert.deepEqual(ok(await anon.from('clients').select('name').eq('id', 2).single()).data, { name: 'Apple' })
  const many = await anon.from('clients').select('name').single()
  assert.equal(many.status, 406)
  assert.equal(many.error.code, 'PGRST116')
  assert.equal(many.error.details, 'The result contains 3 rows')
  const none = await anon.from('clients').select('name').eq('id', 999).maybeSingle()
  assert.equal(none.error, null)
  assert.equal(none.data, null)
  assert.deepEqual(ok(await anon.from('clients').select('name').eq('id', 1).maybeSingle()).data, { name: 'Microsoft' })
})

test('insert, upsert, update, delete with returning', async () => {
  let r = ok(await user.from('clients').insert([{ id: 100, name: 'Acme' }, { id: 101, name: 'Globex' }]).select())
  assert.deepEqual(r.data, [{ id: 100, name: 'Acme' }, { id: 101, name: 'Globex' }])
  r = ok(await user.from('clients').upsert({ id: 100, name: 'Acme Corp' }).select())
  assert.deepEqual(r.data, [{ id: 100, name: 'Acme Corp' }])
  r = ok(await user.from('settings').upsert({ key: 'lang', value: 'fr' }, { onConflict: 'key' }).select())
  assert.deepEqual(r.data, [{ key: 'lang', value: 'fr' }])
  r = ok(await user.from('clients').upsert({ id: 100, name: 'x' }, { ignoreDuplicates: true }).select())
  assert.deepEqual(r.data, [])
  r = ok(await user.from('clients').update({ name: 'Globex Inc' }, { count: 'exact' }).eq('id', 101).select('name'))
  assert.deepEqual(r.data, [{ name: 'Globex Inc' }])
  assert.equal(r.count, 1)
  const del = await user.from('clients').delete().in('id', [100, 101])
  assert.equal(del.status, 204)
  assert.equal(del.error, null)
  assert.deepEqual(ok(await anon.from('clients').select('id').gte('id', 100)).data, [])
  const rb = await user.from('clients').insert({ id: 102, name: 'Ghost' }).select().rollback()
  assert.deepEqual(ok(rb).data, [{ id: 102, name: 'Ghost' }])
  assert.deepEqual(ok(await anon.from('clients').select('id').eq('id', 102)).data, [])
})

test('rpc over POST, GET and with filters', async () => {
  assert.equal(ok(await anon.rpc('add_them', { a: 1, b: 2 })).data, 3)
  assert.equal(ok(await anon.rpc('add_them', { a: 5 }, { get: true })).data, 15)
  const items = ok(await anon.rpc('search_items', { q: 'an' }).select('id, name').order('id'))
  assert.deepEqual(items.data, [{ id: 2, name: 'banana' }, { id: 4, name: 'durian' }])
  const nums = ok(await anon.rpc('numbers', { n: 4 }, { count: 'exact' }))
  assert.deepEqual(nums.data, [1, 2, 3, 4])
  assert.equal(nums.count, 4)
  assert.equal(ok(await anon.rpc('sum_all', { v: [1, 2, 3] })).data, 6)
  assert.deepEqual(ok(await anon.rpc('echo_json', { x: [1, { y: null }] })).data, { x: [1, { y: null }] })
})

test('csv output', async () => {
  const { data } = ok(await anon.from('clients').select('id, name').order('id').limit(2).csv())
  assert.equal(data, 'id,name\n1,Microsoft\n2,Apple')
})

test('error objects', async () => {
  const cases = [
    [anon.from('nope').select(), 'PGRST205', 404],
    [anon.from('clients').select('id, nope'), '42703', 400],
    [anon.from('orders').select('*, addresses(*)'), 'PGRST201', 300],
    [anon.rpc('nope', {}), 'PGRST202', 404],
    [anon.rpc('raise_pt'), 'PT402', 402],
    [anon.from('clients').insert({ id: 200, name: 'x' }), '42501', 401],
    [user.from('clients').insert({ id: 1, name: 'dup' }), '23505', 409],
  ]
  for (const [query, code, status] of cases) {
    const res = await query
    assert.equal(res.data, null)
    assert.equal(res.status, status, `${code}: ${JSON.stringify(res.error)}`)
    assert.equal(res.error.code, code)
    assert.ok(res.error.message)
  }
  const p0001 = await anon.rpc('raise_p0001')
  assert.deepEqual(
    { message: p0001.error.message, details: p0001.error.details, hint: p0001.error.hint, code: p0001.error.code },
    { message: 'custom failure', details: 'some detail', hint: 'some hint', code: 'P0001' })
})

test('stripNulls, maxAffected, explain', async () => {
  const stripped = ok(await anon.from('items').select('id, price, note').eq('id', 3).stripNulls())
  assert.deepEqual(stripped.data, [{ id: 3 }])
  const capped = await user.from('tasks').update({ done: true }).eq('project_id', 1).maxAffected(1).rollback()
  assert.equal(capped.status, 400)
  assert.equal(capped.error.code, 'PGRST124')
  assert.equal(capped.error.details, 'The query affects 2 rows')
  const plan = await anon.from('clients').select().explain()
  assert.ok(['PGRST107', 'PGRST127'].includes(plan.error?.code), JSON.stringify(plan))
})
