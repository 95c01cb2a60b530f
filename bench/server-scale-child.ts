// The sandbox on a `--seed large` database for the scale bench: seeds it when new (1,000,000 accounts), then
// listens. Prints `seeded <ms>` when it had to seed, then `listening <url>`; SIGTERM closes it.
//   tsx bench/server-scale-child.ts <db path>
import { existsSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { buildServer } from '../src/server/app'

const dbPath = process.argv[2]
if (!dbPath) {
  console.error('usage: tsx bench/server-scale-child.ts <db path>')
  process.exit(2)
}
const fresh = !existsSync(dbPath)
const startedAt = performance.now()
const app = await buildServer({ dbPath, seed: 'large', benchRoutes: true })
if (fresh) console.log(`seeded ${Math.round(performance.now() - startedAt)}`)
await app.listen({ host: '127.0.0.1', port: 0 })
console.log(`listening http://127.0.0.1:${(app.server.address() as AddressInfo).port}`)
const close = () => void app.close().then(() => process.exit(0))
process.on('SIGTERM', close)
process.on('SIGINT', close)
