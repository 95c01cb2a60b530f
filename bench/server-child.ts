// One sandbox server process for the HTTP benches: demo seed, plus the bare `GET /bench/hello` baseline route.
//   tsx bench/server-child.ts <db path>   → prints `listening <url>`; SIGTERM closes it.
import type { AddressInfo } from 'node:net'
import { buildServer } from '../src/server/app'

const dbPath = process.argv[2]
if (!dbPath) {
  console.error('usage: tsx bench/server-child.ts <db path>')
  process.exit(2)
}
const app = await buildServer({ dbPath, seed: 'demo', benchRoutes: true })
await app.listen({ host: '127.0.0.1', port: 0 })
console.log(`listening http://127.0.0.1:${(app.server.address() as AddressInfo).port}`)
const close = () => void app.close().then(() => process.exit(0))
process.on('SIGTERM', close)
process.on('SIGINT', close)
