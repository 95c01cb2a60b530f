// The ladder rules of DOMAIN.md and money arithmetic, pure: usable in the server, main and the renderer.
export * from './money'
export * from './ladder-rules'
export * from './ladder-messages'
export * from './ladder-schemas'
export * from './steps'
export * from './benefits'
export * from './diff'
export * from './merge'
